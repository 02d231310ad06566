package dev.shipcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Packs an orb source folder into one orb YAML the way {@code circleci orb pack SRC} does
 * (CircleCI-Public/circleci-cli {@code packOrb} over the FYAML convention):
 *
 * <ul>
 *   <li>the folder must hold {@code @orb.yml}; its YAML files are merged into the top level;
 *   <li>only folders named {@code commands}, {@code jobs}, {@code executors} and {@code examples}
 *       are read, at any depth; names starting with {@code .} and files not ending in {@code .yml}
 *       or {@code .yaml} are ignored;
 *   <li>a folder is a key, a file {@code NAME.yml} the key {@code NAME}, and a file whose name
 *       starts with {@code @} is merged into its folder's map; every file must hold a mapping;
 *   <li>the result keeps only the orb keys, in the CLI's order ({@code version}, {@code
 *       description}, {@code display}, {@code orbs}, {@code commands}, {@code executors}, {@code
 *       jobs}, {@code examples}), and of each example only {@code description}, {@code usage} and
 *       {@code result} with {@code version}, {@code setup}, {@code orbs}, {@code jobs}, {@code
 *       workflows}; mappings are sorted by key, as Go's YAML encoder writes them;
 *   <li>in commands, executors and jobs a string that is exactly {@code <<include(PATH)>>} becomes
 *       the text of PATH (relative to the source folder) with {@code <<} escaped as {@code \<<};
 *       two includes in one string, or an include inside a longer string, are errors.
 * </ul>
 */
final class OrbPacker {
  static final String ROOT_FILE = "@orb.yml";
  private static final Set<String> FOLDERS = Set.of("commands", "jobs", "executors", "examples");
  private static final List<String> ORB_KEYS =
      List.of("version", "description", "display", "orbs", "commands", "executors", "jobs");
  private static final List<String> USAGE_KEYS =
      List.of("version", "setup", "orbs", "jobs", "workflows");
  private static final Pattern INCLUDE =
      Pattern.compile("<<[\\s]*include\\(([-\\w/.]+)\\)[\\s]*>>", Pattern.UNICODE_CHARACTER_CLASS);

  /** A problem in the orb source, naming the file and what is wrong. */
  static final class PackException extends Exception {
    private static final long serialVersionUID = 1L;

    PackException(String message) {
      super(message);
    }
  }

  private final Path source;

  private OrbPacker(Path source) {
    this.source = source;
  }

  /** The packed orb as YAML text. */
  static String pack(Path source) throws PackException, IOException {
    return dump(packTree(source));
  }

  /** The packed orb as a tree of maps, lists and scalars. */
  static Map<String, Object> packTree(Path source) throws PackException, IOException {
    if (!Files.isRegularFile(source.resolve(ROOT_FILE))) {
      throw new PackException(
          source + ": no " + ROOT_FILE + " here; name the orb's source folder (e.g. orb/src)");
    }
    OrbPacker packer = new OrbPacker(source);
    return packer.orb(packer.folder(source, true));
  }

  private Map<String, Object> folder(Path dir, boolean root) throws PackException, IOException {
    Map<String, Object> tree = new TreeMap<>();
    List<Path> children;
    try (Stream<Path> s = Files.list(dir)) {
      children = s.sorted().toList();
    }
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(child)) {
        if (FOLDERS.contains(name)) {
          tree.put(name, merge(tree.get(name), folder(child, false)));
        }
        continue;
      }
      if (!name.endsWith(".yml") && !name.endsWith(".yaml")) { // case-sensitive, as the CLI
        continue;
      }
      Map<String, Object> content = mapping(child);
      if (root || name.startsWith("@")) {
        tree.putAll(content);
      } else {
        String key = name.substring(0, name.lastIndexOf('.'));
        tree.put(key, merge(tree.get(key), content));
      }
    }
    return tree;
  }

  private static Map<String, Object> merge(Object existing, Map<String, Object> more) {
    Map<String, Object> out = new TreeMap<>();
    if (existing instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    out.putAll(more);
    return out;
  }

  private Map<String, Object> mapping(Path file) throws PackException, IOException {
    Object loaded;
    try {
      loaded =
          new Yaml(new SafeConstructor(new LoaderOptions()))
              .load(Files.readString(file, StandardCharsets.UTF_8));
    } catch (YAMLException e) {
      throw new PackException(relative(file) + ": not valid YAML: " + e.getMessage());
    }
    if (loaded == null) {
      return Map.of();
    }
    if (!(loaded instanceof Map<?, ?> m)) {
      throw new PackException(
          relative(file)
              + ": expected a mapping of keys, found a "
              + (loaded instanceof List ? "list" : "single value"));
    }
    return sorted(m);
  }

  /** Mappings with string keys, sorted at every depth. */
  @SuppressWarnings("unchecked")
  private static <T> T sortedValue(T value) {
    if (value instanceof Map<?, ?> m) {
      return (T) sorted(m);
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(sortedValue(v)));
      return (T) out;
    }
    return value;
  }

  private static Map<String, Object> sorted(Map<?, ?> m) {
    Map<String, Object> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), sortedValue(v)));
    return out;
  }

  private Map<String, Object> orb(Map<String, Object> tree) throws PackException, IOException {
    Map<String, Object> orb = new LinkedHashMap<>();
    for (String key : ORB_KEYS) {
      Object v = tree.get(key);
      if (v == null || (key.equals("description") && v.toString().isEmpty())) {
        continue;
      }
      if (key.equals("commands") || key.equals("executors") || key.equals("jobs")) {
        v = includes(v, key);
      }
      orb.put(key, v);
    }
    if (tree.get("examples") instanceof Map<?, ?> examples) {
      Map<String, Object> out = new TreeMap<>();
      examples.forEach((name, example) -> out.put(String.valueOf(name), example(example)));
      orb.put("examples", out);
    }
    return orb;
  }

  private static Map<String, Object> example(Object example) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!(example instanceof Map<?, ?> e)) {
      return out;
    }
    if (e.get("description") != null) {
      out.put("description", e.get("description"));
    }
    for (String part : List.of("usage", "result")) {
      if (e.get(part) instanceof Map<?, ?> u && !u.isEmpty()) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String key : USAGE_KEYS) {
          Object v = u.get(key);
          if (key.equals("workflows") || (v != null && !Boolean.FALSE.equals(v))) {
            kept.put(key, key.equals("version") && v != null ? v.toString() : v);
          }
        }
        out.put(part, kept);
      }
    }
    return out;
  }

  private Object includes(Object value, String where) throws PackException, IOException {
    if (value instanceof String s) {
      return include(s, where);
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), includes(e.getValue(), where + "." + e.getKey()));
      }
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        out.add(includes(l.get(i), where + "[" + i + "]"));
      }
      return out;
    }
    return value;
  }

  private String include(String s, String where) throws PackException, IOException {
    Matcher m = INCLUDE.matcher(s);
    if (!m.find()) {
      return s;
    }
    MatchResult first = new MatchResult(m.group(), m.group(1));
    if (m.find()) {
      throw new PackException(where + ": more than one include in '" + s + "'");
    }
    if (!first.whole().equals(s)) {
      throw new PackException(
          where + ": an include must be the whole value, not part of '" + s + "'");
    }
    Path file = source.resolve(first.path()).normalize();
    if (!file.startsWith(source.normalize()) || !Files.isRegularFile(file)) {
      throw new PackException(
          where + ": cannot include " + first.path() + " (no such file in " + source + ")");
    }
    // CircleCI would read `<<` in the included text as a parameter; `\<<` keeps it literal.
    return Files.readString(file, StandardCharsets.UTF_8).replace("<<", "\\<<");
  }

  private record MatchResult(String whole, String path) {}

  private String relative(Path file) {
    return source.relativize(file).toString();
  }

  /** Block-style YAML; multi-line strings (included scripts) as literal blocks. */
  static String dump(Map<String, Object> orb) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setWidth(100);
    options.setSplitLines(false);
    return new Yaml(new LiteralRepresenter(options), options).dump(orb);
  }

  private static final class LiteralRepresenter extends Representer {
    LiteralRepresenter(DumperOptions options) {
      super(options);
      Represent plain = representers.get(String.class);
      representers.put(
          String.class,
          data -> {
            String s = data.toString();
            return s.indexOf('\n') >= 0
                ? representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL)
                : plain.representData(data);
          });
    }
  }
}
