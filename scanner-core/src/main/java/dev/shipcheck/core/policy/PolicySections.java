package dev.shipcheck.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipcheck.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The policy sections this build has ({@link PolicySection}s on the class path), and the one JSON
 * Schema they make together with the kernel's: each section's schema placed at its key, its
 * definitions beside the kernel's, and its project links in every {@code projects:} entry. ({@code
 * require:} names sources, not sections: a source may have none, so its names are checked against
 * the sources of the build, not here.)
 */
public final class PolicySections {
  private PolicySections() {}

  /** Every section, in {@link PolicySection#order()} then key order. */
  public static List<PolicySection<?>> all() {
    return Loaded.ALL;
  }

  public static Optional<PolicySection<?>> find(String key) {
    return all().stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** The schema a policy file is validated against: the kernel's with every section's merged in. */
  static JsonNode schema() {
    return Composed.TREE;
  }

  /** Where a section's value sits in the policy tree, as a JSON pointer ({@code /sources/aws}). */
  static String pointer(PolicySection<?> section) {
    return "/" + section.key().replace('.', '/');
  }

  /** The JSON object a section's {@link PolicySection#schemaResource()} names. */
  static JsonNode fragment(PolicySection<?> section) {
    String name = section.schemaResource();
    try (InputStream in = section.getClass().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            section.getClass().getName() + ": schema resource " + name + " missing");
      }
      return Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Loaded {
    static final List<PolicySection<?>> ALL = load();

    @SuppressWarnings("rawtypes")
    private static List<PolicySection<?>> load() {
      List<PolicySection<?>> all = new ArrayList<>();
      Map<String, String> owners = new LinkedHashMap<>();
      for (PolicySection s :
          ServiceLoader.load(PolicySection.class, PolicySections.class.getClassLoader())) {
        String previous = owners.put(s.key(), s.getClass().getName());
        if (previous != null) {
          throw new IllegalStateException(
              "policy section '" + s.key() + "' is declared by " + previous + " and " + s);
        }
        all.add(s);
      }
      all.sort(
          Comparator.comparingInt((PolicySection<?> s) -> s.order())
              .thenComparing(PolicySection::key));
      return List.copyOf(all);
    }
  }

  private static final class Composed {
    static final JsonNode TREE = compose(all());
  }

  /** The kernel schema with these sections merged in (for tests and {@code policy schema}). */
  static JsonNode compose(List<PolicySection<?>> sections) {
    ObjectNode root;
    try {
      root =
          (ObjectNode) Json.mapper().readTree(PolicyLoader.resource(PolicyLoader.SCHEMA_RESOURCE));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the kernel's policy schema is broken", e);
    }
    ObjectNode properties = (ObjectNode) root.get("properties");
    ObjectNode definitions = (ObjectNode) root.get("definitions");
    ObjectNode sources = (ObjectNode) properties.get("sources").get("properties");
    ObjectNode links =
        (ObjectNode) properties.get("projects").get("additionalProperties").get("properties");
    for (PolicySection<?> s : sections) {
      JsonNode fragment = fragment(s);
      String[] parts = s.key().split("\\.", -1);
      if (parts.length == 1) {
        put(properties, parts[0], fragment.get("value"), s);
      } else if (parts.length == 2 && parts[0].equals("sources")) {
        put(sources, parts[1], fragment.get("value"), s);
      } else {
        throw new IllegalStateException(
            "policy section key '" + s.key() + "' is neither 'name' nor 'sources.name'");
      }
      copyInto(definitions, fragment.path("definitions"), s);
      copyInto(links, fragment.path("projectLinks"), s);
    }
    return root;
  }

  private static void put(ObjectNode into, String name, JsonNode schema, PolicySection<?> owner) {
    if (schema == null || !schema.isObject()) {
      throw new IllegalStateException(owner.getClass().getName() + ": schema has no 'value'");
    }
    if (into.has(name)) {
      throw new IllegalStateException(
          owner.getClass().getName() + ": policy key '" + name + "' is taken");
    }
    into.set(name, schema);
  }

  private static void copyInto(ObjectNode into, JsonNode from, PolicySection<?> owner) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      put(into, e.getKey(), e.getValue(), owner);
    }
  }
}
