package dev.shipcheck.rules.evidence;

import dev.shipcheck.core.rule.Finding;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.evidence.DeployHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the deploy-history rules share: the parts not read, and the verdict order. */
final class DeployEvidence {
  static final String SOURCE = "circleci pipeline history";

  private DeployEvidence() {}

  /** Every part of the window not read: coverage gaps and workflows whose jobs were unreadable. */
  static Optional<String> gaps(DeployHistory h) {
    List<String> parts = new ArrayList<>();
    h.gap().ifPresent(parts::add);
    for (DeployHistory.Pipeline p : h.pipelines()) {
      for (DeployHistory.WorkflowRun w : p.workflows()) {
        w.problem().ifPresent(parts::add);
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  /** FAIL on findings (the unread part noted), else NOT_AVAILABLE on a gap, else {@code pass}. */
  static Verdict judge(DeployHistory h, String what, List<Finding> findings, Verdict pass) {
    Optional<String> gap = gaps(h);
    if (!findings.isEmpty()) {
      Verdict v =
          Verdict.fail(
              String.join("; ", findings.stream().map(Finding::message).toList()), findings);
      return gap.map(g -> v.withNote("not read, so not judged: " + g)).orElse(v);
    }
    if (gap.isPresent()) {
      return Verdict.notAvailable(
          "%s could not be judged for the whole period %s: %s",
          what, h.window().describe(), gap.get());
    }
    return pass;
  }

  /** NOT_APPLICABLE stating the range searched, or NOT_AVAILABLE when part of it was not read. */
  static Verdict nothing(DeployHistory h, String none) {
    Optional<String> gap = gaps(h);
    if (gap.isPresent()) {
      return Verdict.notAvailable("%s in what could be read; %s", none, gap.get());
    }
    return Verdict.notApplicable(
        "%s of %s on %s in %s",
        none, h.projectSlug(), String.join(", ", h.branches()), h.window().describe());
  }

  static String describe(DeployHistory.Attempt a) {
    return a.subject()
        + " (revision "
        + a.revision().map(r -> r.length() > 12 ? r.substring(0, 12) : r).orElse("unknown")
        + ", started by "
        + a.initiator().orElse("nobody on record")
        + ")";
  }
}
