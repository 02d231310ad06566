package dev.shipcheck.reports.junit;

import dev.shipcheck.core.fact.Evidence;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.AppliedWaiver;
import dev.shipcheck.core.report.ClauseResult;
import dev.shipcheck.core.report.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plain-text parts of junit.xml: what a reader of CircleCI's test tab sees under a case. */
final class TestCaseText {
  private final Map<String, ClauseResult> clauses = new LinkedHashMap<>();

  TestCaseText(List<ClauseResult> clauses) {
    clauses.forEach(c -> this.clauses.put(c.id(), c));
  }

  /** The schema's names are {@code xs:token}s and must not be empty. */
  static String token(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.isEmpty() ? "(unnamed)" : t;
  }

  static String waiverSummary(AppliedWaiver w) {
    return w.reason() + " (approved by " + w.approvedBy() + ", expires " + w.expires() + ")";
  }

  String skipReason(Result r) {
    if (r.outcome() == Outcome.NOT_RUN && !r.remediation().isBlank()) {
      return r.message() + " (to enable: " + r.remediation() + ")";
    }
    return r.message();
  }

  String body(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(r.outcome().name())
        .append(" · ")
        .append(r.ruleId())
        .append(" · severity ")
        .append(r.severity().label())
        .append('\n')
        .append(r.message())
        .append('\n');
    if (!r.evidence().isEmpty()) {
      b.append("\nEvidence:\n");
      for (Evidence e : r.evidence()) {
        b.append("  - [").append(e.source()).append("] ").append(e.locator());
        b.append(": ").append(e.observed()).append('\n');
      }
    }
    if (!r.locations().isEmpty()) {
      b.append("\nLocations:\n");
      for (Location l : r.locations()) {
        b.append("  - ").append(l).append('\n');
      }
    }
    if (!r.remediation().isBlank()) {
      String heading = r.outcome() == Outcome.NOT_RUN ? "How to enable" : "Remediation";
      b.append('\n').append(heading).append(":\n").append(r.remediation().strip()).append('\n');
    }
    appendClauses(b, r);
    for (String note : r.notes()) {
      b.append("\nNote: ").append(note).append('\n');
    }
    return b.toString();
  }

  private void appendClauses(StringBuilder b, Result r) {
    if (r.clauses().isEmpty()) {
      return;
    }
    b.append("\nPolicy clauses:\n");
    for (String id : r.clauses()) {
      ClauseResult c = clauses.get(id);
      if (c == null) {
        b.append("  - ").append(id).append('\n');
      } else {
        b.append("  - ").append(id).append(" (").append(c.documentTitle()).append(", ");
        b.append(c.section()).append("): \"").append(c.text()).append("\"\n");
      }
    }
  }

  /** The suite's system-out: one line per waived case, since a passing case has no body. */
  String waiverNotes(List<Result> results) {
    StringBuilder b = new StringBuilder();
    for (Result r : results) {
      if (r.outcome() == Outcome.WAIVED) {
        b.append("WAIVED ").append(r.ruleId()).append(": ").append(r.message());
        r.waiver().ifPresent(w -> b.append(" -- waiver: ").append(waiverSummary(w)));
        b.append('\n');
      }
    }
    return b.toString();
  }
}
