package dev.shipcheck.core.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The clauses of the policy documents ({@code clauses.yml}), with stable ids. */
public final class ClauseCatalog {
  /** Where the built-in catalogue sits on the class path. */
  public static final String RESOURCE = "shipcheck/clauses.yml";

  private final List<Clause> clauses;

  private ClauseCatalog(List<Clause> clauses) {
    this.clauses = List.copyOf(clauses);
  }

  public static ClauseCatalog of(List<Clause> clauses) {
    return new ClauseCatalog(clauses);
  }

  /** The built-in clause catalogue, read once per process. */
  public static ClauseCatalog builtIn() {
    return BuiltIn.CATALOG;
  }

  private static final class BuiltIn {
    static final ClauseCatalog CATALOG = load(ClauseCatalog.class.getClassLoader());
  }

  public static ClauseCatalog load(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "clause catalogue " + RESOURCE + " is not on the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static ClauseCatalog parse(String yaml) {
    Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    Map<String, Map<String, Object>> documents =
        (Map<String, Map<String, Object>>) root.get("documents");
    List<Clause> clauses = new ArrayList<>();
    for (Map<String, Object> c : (List<Map<String, Object>>) root.get("clauses")) {
      String id = (String) c.get("id");
      String doc = id.substring(0, id.indexOf('-'));
      Map<String, Object> document = documents.getOrDefault(doc, Map.of());
      clauses.add(
          new Clause(
              id,
              String.valueOf(document.getOrDefault("file", doc)),
              String.valueOf(document.getOrDefault("title", doc)),
              (String) c.get("section"),
              (String) c.get("text"),
              Clause.Check.valueOf(((String) c.get("check")).toUpperCase(Locale.ROOT))));
    }
    return new ClauseCatalog(clauses);
  }

  /** This catalogue and more clauses; an id already present is an error. */
  public ClauseCatalog plus(List<Clause> more) {
    List<Clause> all = new ArrayList<>(clauses);
    for (Clause c : more) {
      if (find(c.id()).isPresent() || all.stream().anyMatch(x -> x.id().equals(c.id()))) {
        throw new IllegalArgumentException("clause id " + c.id() + " is defined twice");
      }
      all.add(c);
    }
    return new ClauseCatalog(all);
  }

  public List<Clause> clauses() {
    return clauses;
  }

  public Optional<Clause> find(String id) {
    return clauses.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}
