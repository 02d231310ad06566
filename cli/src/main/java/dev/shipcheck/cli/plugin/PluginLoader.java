package dev.shipcheck.cli.plugin;

import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleApi;
import dev.shipcheck.core.rule.RuleCatalog;
import dev.shipcheck.core.rule.RuleDescriptor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads the rule plugin jars of the given directories. Each jar gets its own class loader whose
 * parent is the application's, so plugins see the rule API and the fact model; its rules are the
 * classes its {@code META-INF/services/dev.shipcheck.core.rule.Rule} lists, the file {@link
 * java.util.ServiceLoader} reads for the built-in ones, and their origin is the jar's file name.
 *
 * <p>A jar is loaded whole or not at all, and no code of any jar runs before every jar has passed
 * every check ({@link JarInspection}): the rule API its manifest declares ({@value
 * RuleApi#MANIFEST_ATTRIBUTE}), that each of its classes loads, that each listed rule class is its
 * own, a {@link Rule} and annotated with valid metadata (the same checks as the built-in rules'),
 * and that no rule id is taken twice. Only then are the rules created; a rule whose creation throws
 * refuses its jar too. A plugin directory can come from a policy file someone else wrote, so a jar
 * refused for its packaging must not have run its static initialisers. Any refusal stops the scan:
 * the organisation installed the plugin to check its clauses, and a report without them would read
 * as compliant.
 */
public final class PluginLoader {
  private final ClauseCatalog clauses;
  private final ClassLoader parent;
  private final List<String> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private PluginLoader(ClauseCatalog clauses, ClassLoader parent) {
    this.clauses = clauses;
    this.parent = parent;
  }

  /**
   * Loads every jar of every directory, in directory order and by file name within one.
   *
   * @param clauses the clauses plugin rules may cite (built-in and the policy's own)
   * @param parent the class loader holding the rule API, normally the application's
   * @throws PluginException naming every jar that cannot be used and why; none is loaded then
   */
  public static Plugins load(
      List<PluginDirectory> directories, ClauseCatalog clauses, ClassLoader parent)
      throws PluginException {
    return new PluginLoader(clauses, parent).loadAll(directories);
  }

  private Plugins loadAll(List<PluginDirectory> directories) throws PluginException {
    Map<String, Path> jarsByName = new LinkedHashMap<>();
    for (PluginDirectory d : dedupe(directories)) {
      for (Path jar : jarsIn(d)) {
        Path previous = jarsByName.putIfAbsent(jar.getFileName().toString(), jar);
        if (previous != null) {
          problems.add(
              "two plugin jars are named "
                  + jar.getFileName()
                  + ": "
                  + previous
                  + " and "
                  + jar
                  + "; rules are reported by jar name, so remove or rename one");
        }
      }
    }
    // First every jar is checked without running any of its code; only when all of them pass
    // (ids unique across jars and the built-in rules included) is any rule created.
    JarInspection inspection = new JarInspection(clauses, parent);
    List<JarInspection.Inspected> inspected = new ArrayList<>();
    for (Path jar : jarsByName.values()) {
      inspection.inspect(jar, problems).ifPresent(inspected::add);
    }
    List<URLClassLoader> loaders = inspected.stream().map(JarInspection.Inspected::loader).toList();
    if (problems.isEmpty() && !inspected.isEmpty()) {
      duplicateIds(inspected);
    }
    List<PluginJar> jars = new ArrayList<>();
    List<RegisteredRule> rules = new ArrayList<>();
    if (problems.isEmpty()) {
      for (JarInspection.Inspected jar : inspected) {
        List<RegisteredRule> mine = create(jar);
        rules.addAll(mine);
        jars.add(
            new PluginJar(
                jar.file(),
                jar.name(),
                jar.ruleApi(),
                mine.stream().map(RegisteredRule::id).toList()));
      }
    }
    if (!problems.isEmpty()) {
      closeAll(loaders);
      throw new PluginException(problems);
    }
    return new Plugins(jars, rules, notes, loaders);
  }

  /** A rule id claimed twice, by two jars or by a jar and a built-in rule, names both origins. */
  private void duplicateIds(List<JarInspection.Inspected> inspected) {
    Map<String, String> origins = new HashMap<>();
    RuleCatalog.load(parent, RuleDescriptor.BUILT_IN)
        .ids()
        .forEach(id -> origins.put(id, RuleDescriptor.BUILT_IN));
    for (JarInspection.Inspected jar : inspected) {
      for (JarInspection.Candidate c : jar.rules()) {
        String id = c.descriptor().id();
        String before = origins.putIfAbsent(id, jar.name());
        if (before != null) {
          problems.add(
              "rule id '" + id + "' is defined twice: by " + before + " and by " + jar.name());
        }
      }
    }
  }

  /** The jar's rules, created now that every check passed; a constructor that throws refuses it. */
  private List<RegisteredRule> create(JarInspection.Inspected jar) {
    List<RegisteredRule> created = new ArrayList<>();
    for (JarInspection.Candidate c : jar.rules()) {
      try {
        Rule rule = c.type().getConstructor().newInstance();
        created.add(new RegisteredRule(c.descriptor(), rule));
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        Throwable why = e instanceof InvocationTargetException t ? t.getCause() : e;
        problems.add(
            jar.name()
                + ": refused: rule "
                + c.type().getName()
                + " cannot be created: "
                + cause(why));
      }
    }
    return created;
  }

  private static List<PluginDirectory> dedupe(List<PluginDirectory> directories) {
    Map<Path, PluginDirectory> unique = new LinkedHashMap<>();
    for (PluginDirectory d : directories) {
      Path key = d.path().toAbsolutePath().normalize();
      try {
        key = d.path().toRealPath();
      } catch (IOException e) {
        // reported when the directory is listed
      }
      unique.putIfAbsent(key, d);
    }
    return new ArrayList<>(unique.values());
  }

  private List<Path> jarsIn(PluginDirectory d) {
    Path dir = d.path();
    if (!Files.exists(dir)) {
      problems.add("plugin directory " + dir + " (" + d.namedBy() + ") does not exist");
      return List.of();
    }
    if (!Files.isDirectory(dir)) {
      problems.add(
          "plugin directory "
              + dir
              + " ("
              + d.namedBy()
              + ") is a file; name the directory that holds the plugin jars");
      return List.of();
    }
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
      s.forEach(jars::add);
    } catch (IOException e) {
      problems.add("plugin directory " + dir + " (" + d.namedBy() + ") cannot be listed: " + e);
      return List.of();
    }
    jars.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    if (jars.isEmpty()) {
      notes.add("plugin directory " + dir + " (" + d.namedBy() + ") holds no .jar files");
    }
    return jars;
  }

  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && !Objects.equals(root.getCause(), root)) {
      root = root.getCause();
    }
    return Objects.equals(root, e) ? String.valueOf(e) : e.getMessage() + " (" + root + ")";
  }

  static void closeAll(List<URLClassLoader> loaders) {
    for (URLClassLoader l : loaders) {
      try {
        l.close();
      } catch (IOException e) {
        // nothing more can be done; the jar was refused anyway
      }
    }
  }
}
