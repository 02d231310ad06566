package dev.shipcheck.facts.circleci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.yaml.SourceMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a parsed config tree into a {@link CircleCiPipeline}: version, orbs, parameters, jobs (with
 * their steps and the config's commands expanded), executors, commands; workflows are read by
 * {@link WorkflowReader}. Never throws on odd input: what cannot be modelled becomes a {@link
 * ConfigProblem} with its position.
 */
final class ConfigReader {
  private static final Pattern REGISTRY_ORB =
      Pattern.compile("([a-z][a-z0-9_-]+)/([a-z][a-z0-9_-]+)@(.+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern PARAMETER_PIN =
      Pattern.compile("\\s*<<\\s*pipeline\\.parameters\\.([A-Za-z0-9_-]+)\\s*>>\\s*");
  private static final int MAX_COMMAND_DEPTH = 20;

  private final JsonNode root;
  private final SourceMap positions;
  private final List<ConfigProblem> problems = new ArrayList<>();

  private ConfigReader(JsonNode root, SourceMap positions) {
    this.root = root;
    this.positions = positions;
  }

  /** Reads a root mapping. */
  static CircleCiPipeline read(JsonNode root, SourceMap positions) {
    return new ConfigReader(root, positions).read();
  }

  private CircleCiPipeline read() {
    Optional<String> version = version(root.get("version"));
    List<PipelineParameter> parameters = parameters();
    Map<String, Value> defaults = new LinkedHashMap<>();
    parameters.forEach(p -> defaults.put(p.name(), p.defaultValue()));
    List<OrbDeclaration> orbs = orbs(defaults);
    Map<String, JobDef> jobs = jobs(root.path("jobs"), "/jobs", root.path("commands"));
    List<Workflow> workflows =
        new WorkflowReader(positions, problems, root.path("commands"))
            .read(root.path("workflows"), jobs);
    return new CircleCiPipeline(
        version,
        positions.valueAt("/version"),
        root.path("setup").asBoolean(false),
        orbs,
        jobs,
        names(root.path("executors")),
        names(root.path("commands")),
        parameters,
        workflows,
        problems,
        List.of());
  }

  private static Optional<String> version(JsonNode v) {
    if (v == null || v.isNull() || v.isContainerNode()) {
      return Optional.empty();
    }
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue().stripTrailingZeros();
      return Optional.of(d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString());
    }
    return Optional.of(v.asText().trim());
  }

  private List<PipelineParameter> parameters() {
    List<PipelineParameter> out = new ArrayList<>();
    JsonNode params = root.path("parameters");
    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode spec = e.getValue();
      String type = spec.path("type").asText("string");
      JsonNode def = spec.path("default");
      out.add(new PipelineParameter(e.getKey(), type, scalar(def)));
    }
    return out;
  }

  /** A YAML scalar as an expression value ({@code null} and missing become {@link Value#NULL}). */
  static Value scalar(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) {
      return Value.NULL;
    }
    if (n.isBoolean()) {
      return Value.of(n.asBoolean());
    }
    if (n.isNumber()) {
      return new Value.Num(n.decimalValue());
    }
    return new Value.Str(n.asText());
  }

  private List<OrbDeclaration> orbs(Map<String, Value> defaults) {
    List<OrbDeclaration> out = new ArrayList<>();
    JsonNode orbs = root.path("orbs");
    if (!orbs.isObject() && !orbs.isMissingNode() && !orbs.isNull()) {
      problems.add(new ConfigProblem(positions.valueAt("/orbs"), "'orbs' must be a mapping"));
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = orbs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String pointer = "/orbs/" + SourceMap.token(e.getKey());
      JsonNode v = e.getValue();
      OrbSource source;
      String written;
      if (v.isObject()) {
        written = "(inline orb)";
        source =
            new OrbSource.Inline(
                jobs(v.path("jobs"), pointer + "/jobs", v.path("commands")),
                names(v.path("commands")));
      } else {
        written = v.asText("");
        source = orbSource(written, defaults);
      }
      if (source instanceof OrbSource.Invalid) {
        problems.add(
            new ConfigProblem(
                positions.valueAt(pointer),
                "orb '" + e.getKey() + "' has an unusable reference '" + written + "'"));
      }
      out.add(new OrbDeclaration(e.getKey(), written, source, positions.valueAt(pointer)));
    }
    return out;
  }

  static OrbSource orbSource(String written, Map<String, Value> defaults) {
    String w = written.trim();
    if (w.startsWith("https://")) {
      return new OrbSource.Url(w);
    }
    Matcher m = REGISTRY_ORB.matcher(w);
    if (!m.matches()) {
      return new OrbSource.Invalid(written);
    }
    String pin = m.group(3);
    OrbPin parsed;
    Matcher param = PARAMETER_PIN.matcher(pin);
    if (param.matches()) {
      Value def = defaults.getOrDefault(param.group(1), Value.NULL);
      parsed =
          new OrbPin.Parameter(
              pin,
              def instanceof Value.Null ? Optional.empty() : Optional.of(OrbPin.parse(def.text())));
    } else {
      parsed = OrbPin.parse(pin);
    }
    return new OrbSource.Registry(m.group(1), m.group(2), parsed);
  }

  private Map<String, JobDef> jobs(JsonNode jobsNode, String base, JsonNode commands) {
    Map<String, JobDef> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = jobsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String pointer = base + "/" + SourceMap.token(e.getKey());
      JsonNode job = e.getValue();
      Set<String> steps = new LinkedHashSet<>();
      List<String> runs = new ArrayList<>();
      List<StepCall> calls = new ArrayList<>();
      collectSteps(job.path("steps"), commands, steps, runs, calls, -1, new HashSet<>(), 0);
      Optional<String> type =
          job.path("type").isTextual() ? Optional.of(job.get("type").asText()) : Optional.empty();
      out.put(
          e.getKey(),
          new JobDef(
              e.getKey(),
              positions.keyAt(pointer),
              type,
              steps,
              runs,
              calls,
              scalars(job.path("environment"))));
    }
    return out;
  }

  /**
   * Collects step names and run commands, expanding the config's own commands (each at most once
   * per path, so a recursive command cannot loop) and {@code when}/{@code unless} steps.
   */
  static void collectSteps(
      JsonNode steps,
      JsonNode commands,
      Set<String> names,
      List<String> runs,
      Set<String> expanding,
      int depth) {
    collectSteps(steps, commands, names, runs, new ArrayList<>(), 0, expanding, depth);
  }

  /**
   * As above, also recording each step as a {@link StepCall}; {@code top} is the position of the
   * job's own step being expanded, or -1 at the job's top level (each step then is its own).
   */
  static void collectSteps(
      JsonNode steps,
      JsonNode commands,
      Set<String> names,
      List<String> runs,
      List<StepCall> calls,
      int top,
      Set<String> expanding,
      int depth) {
    if (!steps.isArray() || depth > MAX_COMMAND_DEPTH) {
      return;
    }
    int index = 0;
    for (JsonNode step : steps) {
      index++;
      int at = top < 0 ? index : top;
      String name;
      JsonNode args;
      if (step.isTextual()) {
        name = step.asText();
        args = null;
      } else if (step.isObject() && step.size() >= 1) {
        Map.Entry<String, JsonNode> first = step.fields().next();
        name = first.getKey();
        args = first.getValue();
      } else {
        continue;
      }
      names.add(name);
      // the legacy `deploy` step is a `run` step CircleCI runs once for a parallel job
      if ((name.equals("run") || name.equals("deploy")) && args != null) {
        String command = args.isTextual() ? args.asText() : args.path("command").asText("");
        if (!command.isEmpty()) {
          runs.add(command);
        }
        calls.add(
            new StepCall(
                at,
                name,
                command.isEmpty() ? Optional.empty() : Optional.of(command),
                args.isObject() ? scalars(args.path("environment")) : Map.of()));
      } else if ((name.equals("when") || name.equals("unless")) && args != null) {
        collectSteps(args.path("steps"), commands, names, runs, calls, at, expanding, depth + 1);
      } else {
        calls.add(new StepCall(at, name, Optional.empty(), scalars(args)));
        if (commands.has(name) && expanding.add(name)) {
          collectSteps(
              commands.get(name).path("steps"),
              commands,
              names,
              runs,
              calls,
              at,
              expanding,
              depth + 1);
          expanding.remove(name);
        }
      }
    }
  }

  /** The scalar entries of a mapping, as text (a list of {@code KEY=value} strings too). */
  static Map<String, String> scalars(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              f -> {
                if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                  out.put(f.getKey(), f.getValue().asText());
                }
              });
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        String t = item.asText("");
        int eq = t.indexOf('=');
        if (item.isTextual() && eq > 0) {
          out.put(t.substring(0, eq), t.substring(eq + 1));
        }
      }
    }
    return out;
  }

  private static Set<String> names(JsonNode mapping) {
    Set<String> out = new LinkedHashSet<>();
    mapping.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
