package dev.shipcheck.facts.circleci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Removes annotation keywords (descriptions, titles, examples, editor hints) from a JSON Schema,
 * which never change what validates. Only keyword positions are touched: the names under {@code
 * properties} are property names (CircleCI jobs have a {@code description} property) and stay.
 */
final class SchemaAnnotations {
  static final Set<String> ANNOTATIONS =
      Set.of(
          "description",
          "markdownDescription",
          "title",
          "examples",
          "default",
          "$comment",
          "enumDescriptions",
          "markdownEnumDescriptions",
          "deprecationMessage",
          "errorMessage",
          "defaultSnippets",
          "doNotSuggest");
  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "definitions", "$defs", "dependencies");
  private static final Set<String> SCHEMA_OR_LIST =
      Set.of(
          "items",
          "additionalItems",
          "additionalProperties",
          "not",
          "if",
          "then",
          "else",
          "contains",
          "propertyNames",
          "allOf",
          "anyOf",
          "oneOf");

  private SchemaAnnotations() {}

  static JsonNode strip(JsonNode schema) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (ANNOTATIONS.contains(key)) {
        continue;
      }
      if (SCHEMA_MAPS.contains(key) && value.isObject()) {
        ObjectNode map = out.putObject(key);
        value.fields().forEachRemaining(f -> map.set(f.getKey(), strip(f.getValue())));
      } else if (SCHEMA_OR_LIST.contains(key) && value.isArray()) {
        ArrayNode list = out.putArray(key);
        value.forEach(v -> list.add(strip(v)));
      } else if (SCHEMA_OR_LIST.contains(key)) {
        out.set(key, strip(value));
      } else {
        out.set(key, value);
      }
    }
    return out;
  }
}
