package dev.shipcheck.facts.circleci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.regex.RegexRefused;
import dev.shipcheck.core.yaml.Position;
import dev.shipcheck.core.yaml.SourceMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code workflows:}: conditions, schedule triggers and job entries, with {@code name:}
 * overrides, {@code requires} in all its forms, contexts, both filter forms and {@code matrix}
 * expansion (generated names, {@code exclude}, {@code alias}).
 */
final class WorkflowReader {
  private static final Set<String> ENTRY_KEYS =
      Set.of(
          "requires",
          "name",
          "context",
          "filters",
          "type",
          "matrix",
          "pre-steps",
          "post-steps",
          "serial-group",
          "override-with");
  private static final int MAX_MATRIX = 1000;

  /** Most matrix-generated entries modelled per config (beyond, a job is {@link Filter.Beyond}). */
  static final int MAX_MATRIX_TOTAL = 20_000;

  private int generated;

  private final SourceMap positions;
  private final List<ConfigProblem> problems;
  private final JsonNode commands;

  /** Each distinct {@code /regex/} filter compiled once per config. */
  private final Map<String, ConfigPattern> compiled = new java.util.HashMap<>();

  WorkflowReader(SourceMap positions, List<ConfigProblem> problems, JsonNode commands) {
    this.positions = positions;
    this.problems = problems;
    this.commands = commands;
  }

  List<Workflow> read(JsonNode workflows, Map<String, JobDef> jobs) {
    List<Workflow> out = new ArrayList<>();
    if (workflows.isMissingNode() || workflows.isNull()) {
      // Without workflows CircleCI runs the job named 'build' on every push.
      JobDef build = jobs.get("build");
      if (build != null) {
        out.add(
            new Workflow(
                "build",
                build.position(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(simpleEntry("build", build.position())),
                true));
      }
      return out;
    }
    if (!workflows.isObject()) {
      problems.add(
          new ConfigProblem(positions.valueAt("/workflows"), "'workflows' must be a mapping"));
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = workflows.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("version")) {
        continue; // the 2.0-era `workflows: version: 2` marker, not a workflow
      }
      String pointer = "/workflows/" + SourceMap.token(e.getKey());
      if (!e.getValue().isObject()) {
        problems.add(
            new ConfigProblem(
                positions.keyAt(pointer), "workflow '" + e.getKey() + "' is not a mapping"));
        continue;
      }
      out.add(workflow(e.getKey(), e.getValue(), pointer));
    }
    return out;
  }

  private JobEntry simpleEntry(String job, Position position) {
    return new JobEntry(
        job,
        job,
        position,
        Optional.empty(),
        List.of(),
        List.of(),
        new Filter.None(),
        Map.of(),
        Optional.empty(),
        Set.of(),
        List.of());
  }

  private Workflow workflow(String name, JsonNode w, String pointer) {
    Optional<Workflow.Condition> when = condition(w.get("when"), pointer + "/when");
    Optional<Workflow.Condition> unless = condition(w.get("unless"), pointer + "/unless");
    List<Workflow.Schedule> schedules = new ArrayList<>();
    int t = 0;
    for (JsonNode trigger : w.path("triggers")) {
      JsonNode schedule = trigger.path("schedule");
      if (schedule.isObject()) {
        schedules.add(
            new Workflow.Schedule(
                schedule.path("cron").asText(""),
                filter(
                    schedule.path("filters"), pointer + "/triggers/" + t + "/schedule/filters")));
      }
      t++;
    }
    List<JobEntry> entries = new ArrayList<>();
    JsonNode jobs = w.path("jobs");
    if (jobs.isArray()) {
      for (int i = 0; i < jobs.size(); i++) {
        entries.addAll(entries(jobs.get(i), pointer + "/jobs/" + i));
      }
    } else if (!jobs.isMissingNode() && !jobs.isNull()) {
      // Found by fuzzing: `jobs:` written as a mapping made the reader throw.
      problems.add(
          new ConfigProblem(
              positions.valueAt(pointer + "/jobs"),
              "workflow '"
                  + name
                  + "' lists its jobs as a "
                  + (jobs.isObject() ? "mapping" : "single value")
                  + ", not a list; CircleCI runs none of them"));
    }
    return new Workflow(name, positions.keyAt(pointer), when, unless, schedules, entries, false);
  }

  private Optional<Workflow.Condition> condition(JsonNode n, String pointer) {
    if (n == null) {
      return Optional.empty();
    }
    String written = n.isValueNode() ? n.asText() : n.toString();
    try {
      return Optional.of(
          new Workflow.Condition(written, Conditions.condition(n, positions.valueAt(pointer))));
    } catch (ExprSyntaxException e) {
      problems.add(new ConfigProblem(positions.valueAt(pointer), e.getMessage()));
      return Optional.of(
          new Workflow.Condition(written, new Expr.Lit(Value.unknown("unreadable " + written))));
    }
  }

  private List<JobEntry> entries(JsonNode item, String pointer) {
    Position pos = positions.valueAt(pointer);
    if (item.isTextual()) {
      return List.of(simpleEntry(item.asText(), pos));
    }
    Map.Entry<String, JsonNode> e = item.isObject() ? jobKey(item) : null;
    if (e == null) {
      problems.add(new ConfigProblem(pos, "a workflow job must be a name or a one-key mapping"));
      return List.of();
    }
    if (item.size() > 1) {
      // Typically a misindented `<<: *anchor` or `filters:` beside the job key: the extra keys
      // belong to the list item, not to the job, so CircleCI does not apply them.
      problems.add(
          new ConfigProblem(
              pos,
              "workflow job '"
                  + e.getKey()
                  + "' has sibling keys "
                  + fieldNames(item, e.getKey())
                  + " that are not indented under it, so they do not apply to it"));
    }
    String job = e.getKey();
    JsonNode args =
        e.getValue().isObject()
            ? e.getValue()
            : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    String argPointer = pointer + "/" + SourceMap.token(job);
    JsonNode matrix = args.path("matrix");
    if (matrix.isObject()) {
      return matrix(job, args, matrix, pos, argPointer);
    }
    return List.of(
        entry(job, args, pos, argPointer, Map.of(), Optional.empty(), args.path("name")));
  }

  /** The job key of a list item: its only key, or the one key that is not an entry option. */
  private static Map.Entry<String, JsonNode> jobKey(JsonNode item) {
    Map.Entry<String, JsonNode> candidate = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (item.size() == 1 || !ENTRY_KEYS.contains(f.getKey())) {
        if (candidate != null) {
          return null;
        }
        candidate = f;
      }
    }
    return candidate;
  }

  private static List<String> fieldNames(JsonNode item, String except) {
    List<String> out = new ArrayList<>();
    item.fieldNames()
        .forEachRemaining(
            n -> {
              if (!n.equals(except)) {
                out.add(n);
              }
            });
    return out;
  }

  private JobEntry entry(
      String job,
      JsonNode args,
      Position pos,
      String pointer,
      Map<String, String> matrixValues,
      Optional<String> alias,
      JsonNode nameNode) {
    String id =
        nameNode.isValueNode() && !nameNode.isNull()
            ? substitute(nameNode.asText(), matrixValues)
            : job;
    Map<String, String> parameters = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      if (!ENTRY_KEYS.contains(p.getKey()) && p.getValue().isValueNode()) {
        parameters.put(p.getKey(), substitute(p.getValue().asText(), matrixValues));
      }
    }
    parameters.putAll(matrixValues);
    Set<String> extraSteps = new LinkedHashSet<>();
    List<String> extraRuns = new ArrayList<>();
    for (String key : List.of("pre-steps", "post-steps")) {
      ConfigReader.collectSteps(
          args.path(key), commands, extraSteps, extraRuns, new LinkedHashSet<>(), 0);
    }
    Optional<String> type =
        args.path("type").isTextual() ? Optional.of(args.get("type").asText()) : Optional.empty();
    return new JobEntry(
        id,
        job,
        pos,
        type,
        requires(args.path("requires"), matrixValues),
        contexts(args.path("context"), matrixValues),
        filter(args.path("filters"), pointer + "/filters"),
        parameters,
        alias,
        extraSteps,
        extraRuns);
  }

  private static List<Requirement> requires(JsonNode req, Map<String, String> matrixValues) {
    List<Requirement> out = new ArrayList<>();
    List<JsonNode> items = new ArrayList<>();
    if (req.isArray()) {
      req.forEach(items::add);
    } else if (!req.isMissingNode() && !req.isNull()) {
      items.add(req);
    }
    for (JsonNode r : items) {
      if (r.isValueNode()) {
        out.add(new Requirement(substitute(r.asText(), matrixValues), List.of("success")));
      } else if (r.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          List<String> statuses = new ArrayList<>();
          if (e.getValue().isArray()) {
            e.getValue().forEach(s -> statuses.add(s.asText()));
          } else {
            statuses.add(e.getValue().asText("success"));
          }
          out.add(new Requirement(substitute(e.getKey(), matrixValues), statuses));
        }
      }
    }
    return out;
  }

  private static List<String> contexts(JsonNode c, Map<String, String> matrixValues) {
    List<String> out = new ArrayList<>();
    if (c.isArray()) {
      c.forEach(x -> out.add(substitute(x.asText(), matrixValues)));
    } else if (c.isValueNode() && !c.isNull()) {
      out.add(substitute(c.asText(), matrixValues));
    }
    return out;
  }

  private Filter filter(JsonNode f, String pointer) {
    if (f.isTextual()) {
      try {
        return new Filter.Expression(
            f.asText(), ExprParser.parse(f.asText(), positions.valueAt(pointer)));
      } catch (ExprSyntaxException e) {
        problems.add(
            new ConfigProblem(positions.valueAt(pointer), "filter expression: " + e.getMessage()));
        return new Filter.Invalid(f.asText(), e.getMessage());
      }
    }
    JsonNode branches = f.path("branches");
    if (!branches.isObject()) {
      return new Filter.None();
    }
    return new Filter.Branches(
        patterns(branches.path("only"), pointer + "/branches/only"),
        patterns(branches.path("ignore"), pointer + "/branches/ignore"));
  }

  private List<Filter.BranchPattern> patterns(JsonNode n, String pointer) {
    List<Filter.BranchPattern> out = new ArrayList<>();
    List<JsonNode> items = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(items::add);
    } else if (n.isValueNode() && !n.isNull()) {
      items.add(n);
    }
    for (JsonNode item : items) {
      String s = item.asText();
      if (s.length() >= 2 && s.startsWith("/") && s.endsWith("/")) {
        Position at = positions.valueAt(pointer);
        try {
          ConfigPattern p =
              compiled.computeIfAbsent(
                  s,
                  k ->
                      ConfigPattern.of(
                          k.substring(1, k.length() - 1),
                          LinearRegex.Syntax.JAVA,
                          at,
                          "branch filter"));
          if (p instanceof ConfigPattern.Refused r) {
            p = new ConfigPattern.Refused(r.written(), at, r.what(), r.reason());
            problems.add(new ConfigProblem(at, ((ConfigPattern.Refused) p).describe()));
          }
          out.add(new Filter.BranchPattern(s, Optional.of(p)));
        } catch (RegexRefused e) {
          problems.add(
              new ConfigProblem(
                  at,
                  "branch filter " + s + " is not a valid regular expression: " + e.reasonAt()));
          out.add(new Filter.BranchPattern(s, Optional.empty()));
        }
      } else {
        out.add(new Filter.BranchPattern(s, Optional.empty()));
      }
    }
    return out;
  }

  private List<JobEntry> matrix(
      String job, JsonNode args, JsonNode matrix, Position pos, String pointer) {
    List<Map<String, String>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (Iterator<Map.Entry<String, JsonNode>> it = matrix.path("parameters").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      List<String> values = new ArrayList<>();
      if (p.getValue().isArray()) {
        p.getValue().forEach(v -> values.add(v.asText()));
      } else {
        values.add(p.getValue().asText());
      }
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> c : combos) {
        for (String v : values) {
          Map<String, String> m = new LinkedHashMap<>(c);
          m.put(p.getKey(), v);
          next.add(m);
        }
      }
      combos = next;
      if (combos.size() > MAX_MATRIX || generated + combos.size() > MAX_MATRIX_TOTAL) {
        String reason =
            combos.size() > MAX_MATRIX
                ? "the matrix of '" + job + "' expands to over " + MAX_MATRIX + " jobs"
                : "the matrices of this config expand to over "
                    + MAX_MATRIX_TOTAL
                    + " jobs ('"
                    + job
                    + "' and those before it)";
        problems.add(new ConfigProblem(pos, reason + ", more than Shipcheck models"));
        return List.of(
            beyond(
                job,
                pos,
                reason + ", more than Shipcheck models, so which jobs run cannot be told"));
      }
    }
    generated += combos.size();
    Set<Map<String, String>> excluded = new java.util.HashSet<>();
    for (JsonNode x : matrix.path("exclude")) {
      Map<String, String> m = new LinkedHashMap<>();
      x.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asText()));
      excluded.add(m);
    }
    String alias = matrix.path("alias").asText(job);
    List<JobEntry> out = new ArrayList<>();
    for (Map<String, String> c : combos) {
      if (excluded.contains(c)) {
        continue;
      }
      JsonNode nameNode = args.path("name");
      JobEntry e =
          nameNode.isValueNode() && !nameNode.isNull()
              ? entry(job, args, pos, pointer, c, Optional.of(alias), nameNode)
              : entry(
                  job,
                  args,
                  pos,
                  pointer,
                  c,
                  Optional.of(alias),
                  com.fasterxml.jackson.databind.node.TextNode.valueOf(
                      job + "-" + String.join("-", c.values())));
      out.add(e);
    }
    return out;
  }

  /** The one entry that stands for a matrix job past the limits. */
  private static JobEntry beyond(String job, Position pos, String reason) {
    return new JobEntry(
        job,
        job,
        pos,
        Optional.empty(),
        List.of(),
        List.of(),
        new Filter.Beyond(reason, pos),
        Map.of(),
        Optional.of(job),
        Set.of(),
        List.of());
  }

  /** Replaces {@code << matrix.p >>} (any spacing) with the instance's values. */
  private static String substitute(String text, Map<String, String> matrixValues) {
    if (matrixValues.isEmpty() || !text.contains("<<")) {
      return text;
    }
    String out = text;
    for (Map.Entry<String, String> e : matrixValues.entrySet()) {
      out =
          out.replaceAll(
              "<<\\s*matrix\\." + Pattern.quote(e.getKey()) + "\\s*>>",
              java.util.regex.Matcher.quoteReplacement(e.getValue()));
    }
    return out;
  }
}
