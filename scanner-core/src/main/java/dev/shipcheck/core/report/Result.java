package dev.shipcheck.core.report;

import dev.shipcheck.core.fact.Evidence;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.Finding;
import dev.shipcheck.core.rule.RuleDescriptor;
import dev.shipcheck.core.rule.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one rule for one project, with everything a report shows about it.
 *
 * @param fingerprint stable across runs for the same (rule, project), independent of lines
 * @param findings the problems one by one, each about its own subject (SARIF: one result each)
 * @param cause the rule whose result this one follows from, e.g. {@code CircleCiConfigured} for a
 *     gate that fails because there is no config
 */
public record Result(
    String project,
    String ruleId,
    Outcome outcome,
    Severity severity,
    List<String> clauses,
    String message,
    List<Evidence> evidence,
    List<Location> locations,
    String remediation,
    List<String> notes,
    Optional<AppliedWaiver> waiver,
    String fingerprint,
    List<Finding> findings,
    Optional<String> cause) {

  public Result {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(severity, "severity");
    clauses = List.copyOf(clauses);
    Objects.requireNonNull(message, "message");
    evidence = List.copyOf(evidence);
    locations = List.copyOf(locations);
    Objects.requireNonNull(remediation, "remediation");
    notes = List.copyOf(notes);
    Objects.requireNonNull(waiver, "waiver");
    Objects.requireNonNull(fingerprint, "fingerprint");
    // absent from results written before 0.2 (shipcheck merge, --baseline read them back)
    findings = findings == null ? List.of() : List.copyOf(findings);
    cause = cause == null ? Optional.empty() : cause;
  }

  /** A result without findings or cause (the shape of 0.1's results). */
  public Result(
      String project,
      String ruleId,
      Outcome outcome,
      Severity severity,
      List<String> clauses,
      String message,
      List<Evidence> evidence,
      List<Location> locations,
      String remediation,
      List<String> notes,
      Optional<AppliedWaiver> waiver,
      String fingerprint) {
    this(
        project,
        ruleId,
        outcome,
        severity,
        clauses,
        message,
        evidence,
        locations,
        remediation,
        notes,
        waiver,
        fingerprint,
        List.of(),
        Optional.empty());
  }

  /**
   * The one way a verdict becomes a result: the rule's id and clauses, the effective severity, and
   * the sidecar's remediation on a FAIL that brings none of its own.
   */
  public static Result of(RuleDescriptor rule, String project, Severity severity, Verdict v) {
    String remediation =
        v.remediation().orElse(v.outcome() == Outcome.FAIL ? rule.doc().remediation() : "");
    return new Result(
        project,
        rule.id(),
        v.outcome(),
        severity,
        rule.clauses(),
        v.message(),
        v.evidence(),
        v.locations(),
        remediation,
        v.notes(),
        Optional.empty(),
        fingerprint(rule.id(), project),
        v.findings(),
        v.cause());
  }

  /** This result with another outcome and waiver (used when applying waivers). */
  public Result waived(AppliedWaiver by) {
    return new Result(
        project,
        ruleId,
        Outcome.WAIVED,
        severity,
        clauses,
        message,
        evidence,
        locations,
        remediation,
        notes,
        Optional.of(by),
        fingerprint,
        findings,
        cause);
  }

  /** Stable per (rule, project): no line numbers, so moving a line keeps the same alert. */
  public static String fingerprint(String ruleId, String project) {
    return hash(ruleId + "\n" + project);
  }

  /** Stable per (rule, project, subject), for a result's findings. */
  public static String fingerprint(String ruleId, String project, String subject) {
    return hash(ruleId + "\n" + project + "\n" + subject);
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
