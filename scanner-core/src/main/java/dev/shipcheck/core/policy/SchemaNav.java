package dev.shipcheck.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Walks a JSON Schema along an instance path, to say which keys were expected. */
final class SchemaNav {
  private SchemaNav() {}

  static List<String> allowedKeys(JsonNode root, List<Object> tokens) {
    JsonNode schema = resolve(root, root);
    for (Object token : tokens) {
      if (schema == null) {
        return List.of();
      }
      if (token instanceof Integer) {
        schema = resolve(root, schema.get("items"));
      } else {
        JsonNode props = schema.path("properties");
        JsonNode next = props.get(String.valueOf(token));
        if (next == null && schema.path("additionalProperties").isObject()) {
          next = schema.get("additionalProperties");
        }
        schema = resolve(root, next);
      }
    }
    List<String> keys = new ArrayList<>();
    if (schema != null) {
      for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
        keys.add(it.next());
      }
    }
    return keys;
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
