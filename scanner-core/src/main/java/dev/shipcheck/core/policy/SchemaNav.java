package dev.shipcheck.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Walks a JSON Schema along an instance path, to say which keys were expected. */
final class SchemaNav {
  private SchemaNav() {}

  /**
   * The keys the schema allows at {@code tokens}. Where the schema branches on a value ({@code
   * allOf} of {@code if}/{@code then}, as {@code checks:} does on {@code kind}), the branch the
   * instance takes is followed, so the list names only that kind's keys.
   */
  static List<String> allowedKeys(JsonNode root, List<Object> tokens, JsonNode instance) {
    JsonNode schema = resolve(root, root);
    JsonNode node = instance;
    for (Object token : tokens) {
      if (schema == null) {
        return List.of();
      }
      JsonNode branch = branch(root, schema, node);
      if (token instanceof Integer i) {
        schema = resolve(root, schema.get("items"));
        node = node.path(i);
      } else {
        String name = String.valueOf(token);
        JsonNode next = properties(schema, branch).get(name);
        if (next == null && schema.path("additionalProperties").isObject()) {
          next = schema.get("additionalProperties");
        }
        schema = resolve(root, next);
        node = node.path(name);
      }
    }
    Set<String> keys = new LinkedHashSet<>();
    if (schema != null) {
      JsonNode branch = branch(root, schema, node);
      for (Iterator<String> it = properties(schema, branch).fieldNames(); it.hasNext(); ) {
        keys.add(it.next());
      }
    }
    return new ArrayList<>(keys);
  }

  /** The schema's own properties, or the taken branch's when there is one (it lists them all). */
  private static JsonNode properties(JsonNode schema, JsonNode branch) {
    JsonNode own = schema.path("properties");
    return branch != null && branch.path("properties").isObject() ? branch.path("properties") : own;
  }

  /**
   * The {@code then} schema of the {@code allOf} entry whose {@code if} constants the node meets.
   */
  private static JsonNode branch(JsonNode root, JsonNode schema, JsonNode node) {
    for (JsonNode entry : schema.path("allOf")) {
      JsonNode condition = entry.path("if").path("properties");
      if (!condition.isObject() || condition.size() == 0) {
        continue;
      }
      boolean all = true;
      for (Iterator<String> it = condition.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        JsonNode expected = condition.path(key).get("const");
        all &= expected != null && expected.equals(node.path(key));
      }
      if (all) {
        return resolve(root, entry.get("then"));
      }
    }
    return null;
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    if (schema != null && schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (ref.startsWith("#")) {
        return root.at(ref.substring(1));
      }
    }
    return schema;
  }
}
