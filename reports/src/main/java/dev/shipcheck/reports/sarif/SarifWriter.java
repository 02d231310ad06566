package dev.shipcheck.reports.sarif;

import dev.shipcheck.core.Json;
import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.ClauseResult;
import dev.shipcheck.core.report.ReportOutput;
import dev.shipcheck.core.report.ReportWriter;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.RuleSummary;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.rule.Finding;
import dev.shipcheck.core.rule.RuleDoc;
import dev.shipcheck.reports.text.JsonEscapes;
import dev.shipcheck.reports.text.VisibleText;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * SARIF 2.1.0 for GitHub code scanning: {@code shipcheck.sarif}, and in an organisation scan one
 * {@code sarif/OWNER__REPO.sarif} per repository, because code scanning is per repository.
 *
 * <p>GitHub turns every result into an alert whatever its {@code kind} and ignores {@code
 * suppressions}, so only FAIL results are written, plus WAIVED ones with a suppression (omitted
 * with {@code sarifOmitWaived}). NOT_AVAILABLE and ERROR become tool execution notifications of
 * level error (the run is incomplete), NOT_RUN configuration notes. The rules come from the
 * catalogue, with clauses as taxonomies. Fingerprints depend on rule and project only, so an alert
 * survives lines moving and closes when the rule passes. With {@code --baseline}, each result's
 * {@code baselineState} is {@code new} (new or worse, gating) or {@code unchanged} (pre-existing).
 */
public final class SarifWriter implements ReportWriter {
  public static final String FILE = "shipcheck.sarif";

  /** Where results without a file are anchored: the policy file, by convention at the root. */
  static final String DEFAULT_LOCATION = "shipcheck.yml";

  private final boolean omitWaived;

  public SarifWriter() {
    this(false);
  }

  public SarifWriter(boolean omitWaived) {
    this.omitWaived = omitWaived;
  }

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public void write(ScanReport report, ReportOutput output) throws IOException {
    write(output, FILE, log(report, r -> true, true));
    if (report.target().kind().equals(Target.ORGANIZATION)) {
      for (String project : report.results().stream().map(Result::project).distinct().toList()) {
        write(
            output,
            "sarif/" + project.replace("/", "__") + ".sarif",
            log(report, r -> r.equals(project), false));
      }
    }
  }

  /**
   * Builds the serializers of the SARIF model ahead of time (start-up work off the main thread).
   */
  public static void prepare() {
    Json.mapper().writerFor(Sarif.Log.class);
  }

  /** The category part of {@code automationDetails.id}: stable per policy file name. */
  public static String category(ScanReport report) {
    String source = report.policy().source();
    String name = source.contains("/") ? source.substring(source.lastIndexOf('/') + 1) : source;
    return "shipcheck/" + (name.startsWith("built-in") ? "default" : name.replace(' ', '-'));
  }

  private static void write(ReportOutput output, String path, Sarif.Log log) throws IOException {
    try (OutputStream out = output.open(path)) {
      Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .with(JsonEscapes.INSTANCE)
          .writeValue(out, log);
    }
  }

  Sarif.Log log(ScanReport report, Predicate<String> projects, boolean nameProjects) {
    List<RuleSummary> rules = report.rules();
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      ruleIndex.put(rules.get(i).id(), i);
    }
    Map<String, List<ClauseResult>> documents = new LinkedHashMap<>();
    report
        .clauses()
        .forEach(c -> documents.computeIfAbsent(c.documentTitle(), k -> new ArrayList<>()).add(c));
    List<Sarif.Result> results = new ArrayList<>();
    List<Sarif.Notification> execution = new ArrayList<>();
    List<Sarif.Notification> configuration = new ArrayList<>();
    for (Result r : report.results()) {
      if (!projects.test(r.project())) {
        continue;
      }
      Optional<Integer> index = Optional.ofNullable(ruleIndex.get(r.ruleId()));
      switch (r.outcome()) {
        case FAIL, WAIVED -> {
          if (r.outcome() == Outcome.FAIL || !omitWaived) {
            results.addAll(results(r, index.orElse(0), nameProjects, baselineState(report, r)));
          }
        }
        case NOT_AVAILABLE, ERROR -> execution.add(notification("error", r, index));
        case NOT_RUN -> configuration.add(notification("note", r, index));
        default -> {}
      }
    }
    for (Notification n : report.notifications()) {
      if (n.project().map(projects::test).orElse(nameProjects)) {
        execution.add(
            new Sarif.Notification(
                n.level().name().toLowerCase(java.util.Locale.ROOT),
                message(n.message()),
                Optional.of(
                    new Sarif.DescriptorReference("shipcheck/" + n.source(), Optional.empty())),
                n.ruleId()
                    .map(
                        id ->
                            new Sarif.DescriptorReference(
                                id, Optional.ofNullable(ruleIndex.get(id)))),
                Map.of()));
      }
    }
    boolean success = execution.stream().noneMatch(n -> n.level().equals("error"));
    String end = report.startedAt().plusMillis(report.durationMillis()).toString();
    Sarif.Invocation invocation =
        new Sarif.Invocation(
            success,
            Optional.of(report.startedAt().toString()),
            Optional.of(end),
            execution,
            configuration);
    List<Sarif.ToolComponent> taxonomies = new ArrayList<>();
    List<Sarif.ToolComponentReference> supported = new ArrayList<>();
    int t = 0;
    for (Map.Entry<String, List<ClauseResult>> doc : documents.entrySet()) {
      taxonomies.add(
          new Sarif.ToolComponent(
              doc.getKey(),
              Optional.empty(),
              Optional.empty(),
              Optional.of("Shipcheck policy"),
              Optional.of(new Sarif.Text(doc.getKey())),
              List.of(),
              doc.getValue().stream().map(SarifWriter::taxon).toList(),
              List.of()));
      supported.add(new Sarif.ToolComponentReference(doc.getKey(), Optional.of(t++)));
    }
    Sarif.ToolComponent driver =
        new Sarif.ToolComponent(
            report.tool().name(),
            Optional.of(report.tool().version()),
            Optional.of("https://github.com/shipcheck/shipcheck"),
            Optional.empty(),
            Optional.empty(),
            rules.stream().map(r -> descriptor(r, report)).toList(),
            List.of(),
            supported);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("target", report.target().name());
    properties.put("policySha256", report.policy().sha256());
    properties.put("toolRevision", report.tool().revision());
    Sarif.Run run =
        new Sarif.Run(
            new Sarif.Tool(driver),
            List.of(invocation),
            new Sarif.AutomationDetails(category(report) + "/" + report.startedAt()),
            taxonomies,
            results,
            "unicodeCodePoints",
            properties);
    return new Sarif.Log(Sarif.SCHEMA, Sarif.VERSION, List.of(run));
  }

  private static Sarif.ReportingDescriptor taxon(ClauseResult c) {
    return new Sarif.ReportingDescriptor(
        c.id(),
        Optional.empty(),
        List.of(),
        new Sarif.Text(c.text()),
        Optional.of(new Sarif.Text(c.section())),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Map.of("check", c.check().label()));
  }

  private static Sarif.ReportingDescriptor descriptor(RuleSummary r, ScanReport report) {
    List<Sarif.Relationship> relationships = new ArrayList<>();
    StringBuilder clauses = new StringBuilder();
    for (String id : r.clauses()) {
      report.clauses().stream()
          .filter(c -> c.id().equals(id))
          .findFirst()
          .ifPresent(
              c -> {
                relationships.add(
                    new Sarif.Relationship(
                        new Sarif.Target(
                            c.id(),
                            new Sarif.ToolComponentReference(c.documentTitle(), Optional.empty())),
                        List.of("relevant")));
                clauses
                    .append("- ")
                    .append(c.id())
                    .append(" (")
                    .append(c.documentTitle())
                    .append("): ")
                    .append(c.text())
                    .append('\n');
              });
    }
    String markdown =
        "**"
            + r.title()
            + "**\n\n## Rationale\n\n"
            + r.rationale()
            + "\n\n## Remediation\n\n"
            + r.remediation()
            + "\n\n## How it is checked\n\n"
            + r.howChecked()
            + "\n\n## Policy clauses\n\n"
            + clauses;
    String text =
        r.title()
            + ". "
            + RuleDoc.firstParagraph(r.rationale())
            + " Remediation: "
            + RuleDoc.firstParagraph(r.remediation());
    List<String> tags = new ArrayList<>(List.of("compliance", "security"));
    tags.addAll(r.tags());
    r.clauses().forEach(c -> tags.add("clause:" + c));
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("tags", tags.stream().limit(20).toList());
    props.put("precision", "high");
    props.put(
        "problem.severity",
        switch (r.severity()) {
          case CRITICAL, HIGH -> "error";
          case MEDIUM -> "warning";
          case LOW -> "recommendation";
        });
    props.put("security-severity", r.severity().securitySeverity());
    props.put("origin", r.origin());
    return new Sarif.ReportingDescriptor(
        r.id(),
        Optional.empty(),
        r.deprecatedIds(),
        new Sarif.Text(r.title()),
        Optional.of(new Sarif.Text(limit(RuleDoc.firstParagraph(r.rationale()), 1000))),
        Optional.of(new Sarif.Help(text, markdown)),
        Optional.of(new Sarif.Configuration(r.severity().sarifLevel())),
        relationships,
        props);
  }

  private static Optional<String> baselineState(ScanReport report, Result r) {
    return report
        .gate()
        .filter(g -> g.baseline().isPresent() && r.outcome() == Outcome.FAIL)
        .map(g -> g.preExisting().contains(r.fingerprint()) ? "unchanged" : "new");
  }

  /**
   * A result's SARIF results: one per finding, each with its own message, place and fingerprint
   * (code scanning then shows two unguarded deploy jobs as two alerts), else one for the result.
   */
  private static List<Sarif.Result> results(
      Result r, int ruleIndex, boolean nameProject, Optional<String> baselineState) {
    if (r.findings().isEmpty()) {
      return List.of(
          result(
              r,
              r.message(),
              r.locations(),
              r.fingerprint(),
              Optional.empty(),
              ruleIndex,
              nameProject,
              baselineState));
    }
    List<Sarif.Result> out = new ArrayList<>();
    for (Finding f : r.findings()) {
      out.add(
          result(
              r,
              f.message(),
              f.locations(),
              Result.fingerprint(r.ruleId(), r.project(), f.subject()),
              Optional.of(f.subject()),
              ruleIndex,
              nameProject,
              baselineState));
    }
    return out;
  }

  private static Sarif.Result result(
      Result r,
      String message,
      List<Location> at,
      String fingerprint,
      Optional<String> subject,
      int ruleIndex,
      boolean nameProject,
      Optional<String> baselineState) {
    List<Sarif.Location> locations = new ArrayList<>();
    Sarif.LogicalLocation project = new Sarif.LogicalLocation(r.project(), r.project(), "module");
    List<Location> places = at.isEmpty() ? List.of(Location.line(DEFAULT_LOCATION, 1)) : at;
    locations.add(location(places.get(0), project, Optional.empty()));
    List<Sarif.Location> related = new ArrayList<>();
    for (int i = 1; i < places.size(); i++) {
      related.add(location(places.get(i), project, Optional.of(i)));
    }
    if (r.cause().isPresent()) {
      // the result this one follows from (issue 17): code scanning links the two alerts
      Sarif.Location c = location(places.get(0), project, Optional.of(places.size()));
      related.add(
          new Sarif.Location(
              c.id(),
              c.physicalLocation(),
              c.logicalLocations(),
              Optional.of(
                  message(
                      "Follows from " + r.cause().get() + ", which reports the problem here."))));
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("project", r.project());
    subject.ifPresent(sub -> props.put("subject", sub));
    r.cause().ifPresent(c -> props.put("cause", c));
    props.put("outcome", r.outcome().name());
    props.put("severity", r.severity().label());
    props.put("clauses", r.clauses());
    props.put("evidence", r.evidence());
    if (!r.remediation().isBlank()) {
      props.put("remediation", r.remediation());
    }
    List<Sarif.Suppression> suppressions =
        r.waiver()
            .map(
                w ->
                    List.of(
                        new Sarif.Suppression(
                            "external",
                            "accepted",
                            w.reason()
                                + " (approved by "
                                + w.approvedBy()
                                + ", expires "
                                + w.expires()
                                + ")")))
            .orElse(List.of());
    String text = (nameProject ? "[" + r.project() + "] " : "") + sentence(message);
    return new Sarif.Result(
        r.ruleId(),
        ruleIndex,
        "fail",
        r.severity().sarifLevel(),
        message(text),
        locations,
        related,
        Map.of("primaryLocationLineHash", fingerprint, "shipcheck/v1", fingerprint),
        suppressions,
        baselineState,
        props);
  }

  private static Sarif.Location location(
      Location l, Sarif.LogicalLocation project, Optional<Integer> id) {
    Sarif.Region region =
        new Sarif.Region(
            Math.max(1, l.startLine()),
            l.startColumn() > 0 ? Optional.of(l.startColumn()) : Optional.empty());
    return new Sarif.Location(
        id,
        new Sarif.PhysicalLocation(new Sarif.ArtifactLocation(uri(l.path())), region),
        List.of(project),
        Optional.empty());
  }

  private static Sarif.Notification notification(String level, Result r, Optional<Integer> index) {
    String what = r.outcome() == Outcome.NOT_RUN ? "not run" : r.outcome().label();
    return new Sarif.Notification(
        level,
        message("[" + r.project() + "] " + r.ruleId() + " " + what + ": " + r.message()),
        Optional.of(
            new Sarif.DescriptorReference("shipcheck/" + r.outcome().label(), Optional.empty())),
        Optional.of(new Sarif.DescriptorReference(r.ruleId(), index)),
        Map.of("project", r.project()));
  }

  /** A repository-relative path as a relative URI reference (percent-encoded where needed). */
  static String uri(String path) {
    StringBuilder sb = new StringBuilder();
    for (byte b : path.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }

  /**
   * A message as code scanning shows it: a sentence on one line, with line breaks and control
   * characters escaped and bidi controls shown by name ({@code \n}, {@code \x1b}, {@code <U+202E>};
   * {@link VisibleText#oneLine}), so a name cannot add a line to an alert; the rest of the file
   * keeps names exact and escapes them ({@link JsonEscapes}).
   */
  private static Sarif.Message message(String text) {
    return new Sarif.Message(VisibleText.oneLine(sentence(text)));
  }

  private static String sentence(String s) {
    String t = s.strip();
    return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
  }

  private static String limit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
