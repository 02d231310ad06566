package dev.shipcheck.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML safely into a Jackson tree with the position of every value: no arbitrary types,
 * aliases and {@code <<} merge keys resolved, duplicate keys refused, and bounded size, nesting and
 * alias expansion so a "billion laughs" document is refused quickly instead of exhausting memory.
 * Scalars follow YAML 1.1 as SnakeYAML does ({@code 2.1} is a number, {@code on} a boolean), except
 * timestamps and non-finite floats ({@code .inf}, {@code .nan}), which stay the text written.
 */
public final class YamlTree {

  /** Bounds on what a document may cost to read. */
  public record Limits(int maxBytes, int maxAliases, int maxNodes, int maxDepth) {
    /** Suits configuration files: 3 MiB, generous aliasing, a million expanded nodes. */
    public static final Limits DEFAULT = new Limits(3 * 1024 * 1024, 5_000, 1_000_000, 200);
  }

  /** A parsed document. {@code root} is a missing node for an empty document. */
  public record Parsed(JsonNode root, SourceMap positions) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlTree() {}

  public static Parsed parse(String sourceName, String text, Limits limits) throws YamlException {
    if (text.length() > limits.maxBytes()
        || text.getBytes(StandardCharsets.UTF_8).length > limits.maxBytes()) {
      throw new YamlException(
          sourceName, Position.UNKNOWN, "larger than the " + limits.maxBytes() + "-byte limit");
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit(limits.maxBytes());
    ScalarConstructor scalars = new ScalarConstructor(options);
    Node root;
    try {
      root = new Yaml(scalars).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      throw new YamlException(sourceName, position(e.getProblemMark()), describe(e));
    } catch (YAMLException e) {
      throw new YamlException(sourceName, Position.UNKNOWN, String.valueOf(e.getMessage()));
    }
    SourceMap map = new SourceMap();
    if (root == null) {
      return new Parsed(NODES.missingNode(), map);
    }
    Converter c = new Converter(sourceName, scalars, map, limits);
    return new Parsed(c.convert(root, "", 0), map);
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    String context = e.getContext();
    if (context == null) {
      return problem;
    }
    Mark start = e.getContextMark();
    return start == null
        ? context + ", " + problem
        : context + " started at " + position(start) + ", " + problem;
  }

  static Position position(Mark mark) {
    return mark == null ? Position.UNKNOWN : new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Exposes SnakeYAML's YAML 1.1 scalar construction (booleans, ints, floats). */
  private static final class ScalarConstructor extends SafeConstructor {
    ScalarConstructor(LoaderOptions options) {
      super(options);
    }

    Object scalar(ScalarNode node) {
      return constructObject(node);
    }
  }

  private static final class Converter {
    private final String sourceName;
    private final ScalarConstructor scalars;
    private final SourceMap map;
    private final Limits limits;
    private int nodes;

    Converter(String sourceName, ScalarConstructor scalars, SourceMap map, Limits limits) {
      this.sourceName = sourceName;
      this.scalars = scalars;
      this.map = map;
      this.limits = limits;
    }

    JsonNode convert(Node node, String pointer, int depth) throws YamlException {
      if (++nodes > limits.maxNodes()) {
        throw new YamlException(
            sourceName,
            position(node.getStartMark()),
            "expands to more than "
                + limits.maxNodes()
                + " values through aliases; refusing it (a YAML alias bomb?)");
      }
      if (depth > limits.maxDepth()) {
        throw new YamlException(
            sourceName,
            position(node.getStartMark()),
            "nested deeper than " + limits.maxDepth() + " levels (a recursive alias?)");
      }
      map.value(pointer, position(node.getStartMark()));
      if (node instanceof MappingNode m) {
        return mapping(m, pointer, depth);
      }
      if (node instanceof SequenceNode s) {
        ArrayNode array = NODES.arrayNode();
        int i = 0;
        for (Node item : s.getValue()) {
          array.add(convert(item, pointer + "/" + i, depth + 1));
          i++;
        }
        return array;
      }
      return scalar((ScalarNode) node);
    }

    private JsonNode mapping(MappingNode m, String pointer, int depth) throws YamlException {
      Map<String, Node> explicit = new LinkedHashMap<>();
      Map<String, Node> keyNodes = new LinkedHashMap<>();
      List<MappingNode> merges = new ArrayList<>();
      for (NodeTuple t : m.getValue()) {
        Node keyNode = t.getKeyNode();
        if (keyNode.getTag().equals(Tag.MERGE)) {
          collectMerges(t.getValueNode(), merges);
          continue;
        }
        String key = keyText(keyNode);
        if (explicit.containsKey(key)) {
          throw new YamlException(
              sourceName, position(keyNode.getStartMark()), "duplicate key '" + key + "'");
        }
        explicit.put(key, t.getValueNode());
        keyNodes.put(key, keyNode);
      }
      // Explicit keys win over merged ones; among merges, the earlier mapping wins (YAML 1.1).
      Map<String, Node> merged = new LinkedHashMap<>();
      Map<String, Node> mergedKeys = new LinkedHashMap<>();
      for (MappingNode source : merges) {
        for (NodeTuple t : source.getValue()) {
          if (t.getKeyNode().getTag().equals(Tag.MERGE)) {
            continue;
          }
          String key = keyText(t.getKeyNode());
          merged.putIfAbsent(key, t.getValueNode());
          mergedKeys.putIfAbsent(key, t.getKeyNode());
        }
      }
      ObjectNode object = NODES.objectNode();
      Map<String, Node> all = new LinkedHashMap<>(merged);
      all.putAll(explicit);
      Map<String, Node> allKeys = new LinkedHashMap<>(mergedKeys);
      allKeys.putAll(keyNodes);
      for (Map.Entry<String, Node> e : all.entrySet()) {
        String child = pointer + "/" + SourceMap.token(e.getKey());
        map.key(child, position(allKeys.get(e.getKey()).getStartMark()));
        object.set(e.getKey(), convert(e.getValue(), child, depth + 1));
      }
      return object;
    }

    private void collectMerges(Node value, List<MappingNode> out) throws YamlException {
      if (value instanceof MappingNode m) {
        out.add(m);
      } else if (value instanceof SequenceNode s) {
        for (Node item : s.getValue()) {
          if (!(item instanceof MappingNode m)) {
            throw new YamlException(
                sourceName,
                position(item.getStartMark()),
                "a '<<' merge key takes mappings, not " + kind(item));
          }
          out.add(m);
        }
      } else {
        throw new YamlException(
            sourceName,
            position(value.getStartMark()),
            "a '<<' merge key takes a mapping or a list of mappings, not " + kind(value));
      }
    }

    private String keyText(Node keyNode) throws YamlException {
      if (keyNode instanceof ScalarNode s) {
        return s.getValue();
      }
      throw new YamlException(
          sourceName,
          position(keyNode.getStartMark()),
          "mapping keys must be plain values, not " + kind(keyNode));
    }

    private JsonNode scalar(ScalarNode s) throws YamlException {
      Tag tag = s.getTag();
      if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP) || tag.equals(Tag.BINARY)) {
        return NODES.textNode(s.getValue());
      }
      Object value;
      try {
        value = scalars.scalar(s);
      } catch (RuntimeException e) {
        return NODES.textNode(s.getValue());
      }
      if (value == null) {
        return NODES.nullNode();
      }
      if (value instanceof Boolean b) {
        return NODES.booleanNode(b);
      }
      if (value instanceof Integer i) {
        return NODES.numberNode(i);
      }
      if (value instanceof Long l) {
        return NODES.numberNode(l);
      }
      if (value instanceof BigInteger b) {
        return NODES.numberNode(b);
      }
      if (value instanceof Double d) {
        // .inf, .nan and floats beyond a double (1e1000000) have no JSON number: Jackson and the
        // schema validator throw on them (found by fuzzing). They stay the text written.
        return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(s.getValue());
      }
      if (value instanceof String str) {
        return NODES.textNode(str);
      }
      throw new YamlException(
          sourceName,
          position(s.getStartMark()),
          "unsupported value type " + tag.getValue() + " for '" + s.getValue() + "'");
    }

    private static String kind(Node node) {
      if (node instanceof MappingNode) {
        return "a mapping";
      }
      if (node instanceof SequenceNode) {
        return "a list";
      }
      return "a scalar";
    }
  }
}
