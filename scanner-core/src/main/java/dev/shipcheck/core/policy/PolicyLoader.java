package dev.shipcheck.core.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.yaml.Position;
import dev.shipcheck.core.yaml.SourceMap;
import dev.shipcheck.core.yaml.YamlException;
import dev.shipcheck.core.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy file: safe YAML, validation against the JSON Schema shipped in the jar (unknown
 * keys are errors), then merging over the built-in default. Every problem comes back at once, each
 * with file, line, column and what was expected.
 */
public final class PolicyLoader {
  /** The {@link LoadedPolicy#source()} of the built-in default policy. */
  public static final String BUILT_IN = "built-in default policy";

  /** The kernel's part of the policy schema; {@link PolicySections} adds the sections'. */
  public static final String SCHEMA_RESOURCE = "/dev/shipcheck/core/policy/policy.schema.json";

  private static final String STARTER_HEAD = "/dev/shipcheck/core/policy/starter-head.yml";
  private static final String STARTER_TAIL = "/dev/shipcheck/core/policy/starter-tail.yml";
  private static final long MAX_FILE_BYTES = 1024 * 1024;

  private PolicyLoader() {}

  /** The built-in default policy; needs no validation beyond the test that guards it. */
  public static LoadedPolicy defaults() {
    return DefaultPolicy.LOADED;
  }

  /** Built once per process (it is the same every time), without parsing or binding. */
  private static final class DefaultPolicy {
    static final LoadedPolicy LOADED = loaded();

    private static LoadedPolicy loaded() {
      Policy policy = dev.shipcheck.core.policy.DefaultPolicy.build();
      return new LoadedPolicy(
          policy,
          BUILT_IN,
          sha256(dev.shipcheck.core.policy.DefaultPolicy.fingerprint(policy)),
          JsonNodeFactory.instance.objectNode(),
          new SourceMap());
    }
  }

  /**
   * The commented starter file {@code shipcheck policy init} writes: the kernel's keys, with every
   * section's snippet in its place (top-level sections after the branches, sources' endpoints under
   * a commented {@code sources:}).
   */
  public static String starterText() {
    StringBuilder sb = new StringBuilder(resource(STARTER_HEAD));
    StringBuilder sources = new StringBuilder();
    for (PolicySection<?> s : PolicySections.all()) {
      String snippet = s.starter();
      if (snippet.isEmpty()) {
        continue;
      }
      (s.key().startsWith("sources.") ? sources : sb).append('\n').append(snippet.stripTrailing());
    }
    sb.append('\n');
    if (sources.length() > 0) {
      sb.append(
              "\n# Endpoints; each can also be set on the command line (the sources' --*-url flags)."
                  + "\n# Left out, the defaults below apply. They say where a source is, not that a"
                  + " pre-merge scan\n# (scan --repo) should call it: that takes --use SOURCE or"
                  + " require: below. A policy file inside the\n# repository being scanned is that"
                  + " repository's, so its sources: and plugins: are ignored there.\n# sources:")
          .append(sources)
          .append('\n');
    }
    return sb.append('\n').append(resource(STARTER_TAIL)).toString();
  }

  /** The policy JSON Schema's text: the kernel's with every section's merged in. */
  public static String schemaText() {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Schemas.POLICY_TREE);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static LoadedPolicy load(Path file) throws PolicyException {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw fileProblem(name, "is a directory, not a policy file");
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw fileProblem(name, "is larger than " + MAX_FILE_BYTES + " bytes; not a policy file");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw fileProblem(name, "no such file");
    } catch (IOException e) {
      throw fileProblem(name, "cannot be read: " + e.getMessage());
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw fileProblem(name, "is not UTF-8 text");
    }
    return parse(name, text, sha256(bytes));
  }

  public static LoadedPolicy parse(String sourceName, String text) throws PolicyException {
    return parse(sourceName, text, sha256(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static LoadedPolicy parse(String name, String text, String sha256)
      throws PolicyException {
    YamlTree.Parsed parsed;
    try {
      parsed = YamlTree.parse(name, text, YamlTree.Limits.DEFAULT);
    } catch (YamlException e) {
      throw new PolicyException(
          List.of(new PolicyProblem(name, e.position(), "", "not valid YAML: " + e.problem())));
    }
    JsonNode written = parsed.root();
    SourceMap positions = parsed.positions();
    if (written.isMissingNode() || written.isNull()) {
      throw fileProblem(name, "is empty; a policy file needs at least 'version: 1'");
    }
    if (!written.isObject()) {
      throw new PolicyException(
          List.of(
              new PolicyProblem(
                  name,
                  positions.valueAt(""),
                  "",
                  "must be a mapping of keys (version, branches, ...), not a "
                      + written.getNodeType().name().toLowerCase(java.util.Locale.ROOT))));
    }
    List<PolicyProblem> problems = schemaProblems(name, written, positions);
    if (!problems.isEmpty()) {
      throw new PolicyException(problems);
    }
    Policy policy;
    try {
      policy = bind(written);
    } catch (JsonProcessingException e) {
      throw fileProblem(name, "cannot be read: " + e.getOriginalMessage());
    }
    LoadedPolicy loaded = new LoadedPolicy(policy, name, sha256, written, positions);
    problems.addAll(semanticProblems(loaded));
    if (!problems.isEmpty()) {
      throw new PolicyException(problems);
    }
    return loaded;
  }

  /** The kernel's keys as the file writes them; the sections are bound each on its own. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Kernel(
      int version,
      Policy.BranchNames branches,
      List<String> require,
      Policy.Scope scope,
      Map<String, Policy.RuleSettings> rules,
      Map<String, Policy.ProjectLink> projects,
      List<String> plugins,
      List<Policy.ClauseDeclaration> clauses,
      List<Policy.Waiver> waivers) {
    static Kernel of(Policy p) {
      return new Kernel(
          p.version(),
          p.branches(),
          p.require(),
          p.scope(),
          p.rules(),
          p.projects(),
          p.plugins(),
          p.clauses(),
          p.waivers());
    }
  }

  /** The file merged over the defaults: the kernel's keys, then each section the file writes. */
  private static Policy bind(JsonNode written) throws JsonProcessingException {
    Kernel k = Json.mapper().treeToValue(merge(Defaults.KERNEL_TREE, written), Kernel.class);
    Map<String, Object> sections = new LinkedHashMap<>();
    for (PolicySection<?> s : PolicySections.all()) {
      JsonNode node = written.at(PolicySections.pointer(s));
      if (!node.isMissingNode()) {
        JsonNode merged = merge(Json.mapper().valueToTree(s.defaults()), node);
        sections.put(s.key(), Json.mapper().treeToValue(merged, s.type()));
      }
    }
    return new Policy(
        k.version(),
        k.branches(),
        k.require(),
        k.scope(),
        k.rules(),
        k.projects(),
        k.plugins(),
        k.clauses(),
        k.waivers(),
        sections);
  }

  /**
   * The policy as if its file did not say what is at these JSON pointers (e.g. {@code /sources},
   * plain keys only): the default applies there instead. Source, hash and positions stay the
   * file's, so every other problem still points into it.
   */
  public static LoadedPolicy without(LoadedPolicy loaded, List<String> pointers) {
    JsonNode written = loaded.written().deepCopy();
    for (String pointer : pointers) {
      int slash = pointer.lastIndexOf('/');
      JsonNode parent = written.at(pointer.substring(0, slash));
      if (parent instanceof ObjectNode o) {
        o.remove(pointer.substring(slash + 1));
      }
    }
    try {
      Policy policy = bind(written);
      return new LoadedPolicy(
          policy, loaded.source(), loaded.sha256(), written, loaded.positions());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a valid policy without some keys is still valid", e);
    }
  }

  /**
   * Problems that need the rule catalogue: unknown rule ids in {@code rules:} and {@code waivers:}.
   */
  public static List<PolicyProblem> ruleIdProblems(LoadedPolicy loaded, Set<String> ruleIds) {
    List<PolicyProblem> problems = new ArrayList<>();
    JsonNode rules = loaded.written().path("rules");
    for (Iterator<String> it = rules.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      if (!ruleIds.contains(id)) {
        String pointer = "/rules/" + SourceMap.token(id);
        problems.add(
            new PolicyProblem(
                loaded.source(),
                loaded.keyPositionOf(pointer),
                "rules." + id,
                "unknown rule id '" + id + "'" + suggestion(id, ruleIds)));
      }
    }
    JsonNode waivers = loaded.written().path("waivers");
    for (int i = 0; i < waivers.size(); i++) {
      String id = waivers.get(i).path("rule").asText();
      if (!ruleIds.contains(id)) {
        String pointer = "/waivers/" + i + "/rule";
        problems.add(
            new PolicyProblem(
                loaded.source(),
                loaded.positionOf(pointer),
                "waivers[" + i + "].rule",
                "unknown rule id '" + id + "'" + suggestion(id, ruleIds)));
      }
    }
    return problems;
  }

  private static String suggestion(String id, Set<String> ruleIds) {
    return ruleIds.stream()
        .filter(r -> r.equalsIgnoreCase(id) || editDistance(r, id) <= 3)
        .findFirst()
        .map(r -> "; did you mean '" + r + "'?")
        .orElse("; run 'shipcheck rules' for the list");
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost =
            Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1))
                ? 0
                : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  private static List<PolicyProblem> schemaProblems(
      String name, JsonNode written, SourceMap positions) {
    List<PolicyProblem> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Error e : Schemas.POLICY.validate(written)) {
      List<Object> tokens = new ArrayList<>();
      for (int i = 0; i < e.getInstanceLocation().getNameCount(); i++) {
        tokens.add(e.getInstanceLocation().getElement(i));
      }
      String pointer = pointer(tokens);
      PolicyProblem p;
      switch (String.valueOf(e.getKeyword())) {
        case "additionalProperties" -> {
          String prop = e.getProperty();
          List<String> allowed = SchemaNav.allowedKeys(Schemas.POLICY_TREE, tokens, written);
          p =
              new PolicyProblem(
                  name,
                  positions.keyAt(pointer + "/" + SourceMap.token(prop)),
                  dotted(tokens, prop),
                  "unknown key"
                      + (allowed.isEmpty()
                          ? ""
                          : " (expected one of: " + String.join(", ", allowed) + ")"));
        }
        case "required" ->
            p =
                new PolicyProblem(
                    name,
                    positions.valueAt(pointer),
                    dotted(tokens, null),
                    "missing required key '" + e.getProperty() + "'");
        default ->
            p =
                new PolicyProblem(
                    name, positions.valueAt(pointer), dotted(tokens, null), describe(e));
      }
      if (seen.add(p.toString())) {
        problems.add(p);
      }
    }
    problems.sort(
        Comparator.comparingInt((PolicyProblem p) -> p.position().line())
            .thenComparingInt(p -> p.position().column()));
    return problems;
  }

  private static String describe(Error e) {
    String message = e.getMessage();
    // networknt prefixes messages with the instance path; we print our own location instead.
    int colon = message.indexOf(": ");
    if (message.startsWith("$") && colon > 0) {
      message = message.substring(colon + 2);
    }
    return message;
  }

  private static List<PolicyProblem> semanticProblems(LoadedPolicy loaded) {
    List<PolicyProblem> problems = new ArrayList<>();
    for (PolicySection<?> s : PolicySections.all()) {
      if (loaded.sets(PolicySections.pointer(s))) {
        problems.addAll(s.problems(loaded));
      }
    }
    JsonNode waivers = loaded.written().path("waivers");
    for (int i = 0; i < waivers.size(); i++) {
      JsonNode expires = waivers.get(i).path("expires");
      if (expires.isTextual()) {
        try {
          LocalDate.parse(expires.asText());
        } catch (DateTimeParseException e) {
          problems.add(
              new PolicyProblem(
                  loaded.source(),
                  loaded.positionOf("/waivers/" + i + "/expires"),
                  "waivers[" + i + "].expires",
                  "not a calendar date (expected YYYY-MM-DD)"));
        }
      }
    }
    return problems;
  }

  static String pointer(List<Object> tokens) {
    StringBuilder sb = new StringBuilder();
    for (Object t : tokens) {
      sb.append('/').append(SourceMap.token(String.valueOf(t)));
    }
    return sb.toString();
  }

  static String dotted(List<Object> tokens, String last) {
    StringBuilder sb = new StringBuilder();
    List<Object> all = new ArrayList<>(tokens);
    if (last != null) {
      all.add(last);
    }
    for (Object t : all) {
      if (t instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(t);
      }
    }
    return sb.toString();
  }

  /** Objects merge key by key; anything else in the file replaces the default. */
  static JsonNode merge(JsonNode base, JsonNode over) {
    if (base instanceof ObjectNode b && over.isObject()) {
      ObjectNode out = b.deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode existing = out.get(e.getKey());
        out.set(e.getKey(), existing == null ? e.getValue() : merge(existing, e.getValue()));
      }
      return out;
    }
    return over;
  }

  private static PolicyException fileProblem(String name, String message) {
    return new PolicyException(List.of(new PolicyProblem(name, Position.UNKNOWN, "", message)));
  }

  static String resource(String path) {
    try (InputStream in = PolicyLoader.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The kernel's defaults as a tree to merge a file over, made only when a file is read. */
  private static final class Defaults {
    static final JsonNode KERNEL_TREE =
        Json.mapper().valueToTree(Kernel.of(dev.shipcheck.core.policy.DefaultPolicy.build()));
  }

  /** The schema is compiled only when a policy file is actually read (start-up time). */
  static final class Schemas {
    static final JsonNode POLICY_TREE = PolicySections.schema();
    static final Schema POLICY =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(POLICY_TREE);
  }
}
