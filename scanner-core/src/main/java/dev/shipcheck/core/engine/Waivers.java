package dev.shipcheck.core.engine;

import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.report.AppliedWaiver;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.WaiverStatus;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Applies the policy's waivers to evaluated results (DESIGN §6).
 *
 * <p>Only a FAIL is ever waived: a waiver never hides NOT_AVAILABLE or ERROR, because a waiver
 * accepts a known violation, not an unknown state. A waiver's {@code expires} is its last day,
 * judged in UTC on the day the scan started: a waiver expiring 2027-01-31 applies to a scan started
 * at 2027-01-31T23:59Z and not to one started at 2027-02-01T00:00Z. When several live waivers cover
 * one FAIL, the one that lasts longest is shown on the result (the earliest declared on a tie), and
 * each of them counts the FAIL as matched.
 */
public final class Waivers {
  /** A live waiver whose last day is at most this many days away is flagged as expiring. */
  public static final int EXPIRING_DAYS = 14;

  /** It waives at least one FAIL and its last day is more than 14 days away. */
  public static final String LIVE = "live";

  /** It waives at least one FAIL and its last day is at most 14 days away. */
  public static final String EXPIRING = "expiring";

  /** Its last day has passed: it waives nothing, and the FAILs it covered show as FAIL again. */
  public static final String EXPIRED = "expired";

  /** The scan judged what it names and found nothing to waive: it can be removed. */
  public static final String STALE = "stale";

  /**
   * This scan cannot tell whether it is still needed: it does not cover the projects the waiver
   * names (a single-repository or sharded scan), or the rule could not be judged for them (NOT_RUN,
   * NOT_AVAILABLE, ERROR).
   */
  public static final String UNDETERMINED = "undetermined";

  private Waivers() {}

  /** Results after waivers, and what became of each waiver. */
  public record Applied(List<Result> results, List<WaiverStatus> statuses) {
    public Applied {
      results = List.copyOf(results);
      statuses = List.copyOf(statuses);
    }
  }

  /**
   * What the scan covered, so an unmatched waiver is called stale only when the scan could have
   * matched it.
   *
   * @param projects the names of the scanned projects
   * @param wholeScope true when the scan covered every project the policy scopes (an unsharded
   *     organisation scan); then a waiver naming no scanned project names none that exists
   */
  public record Coverage(List<String> projects, boolean wholeScope) {
    public Coverage {
      projects = List.copyOf(projects);
    }
  }

  public static Applied apply(
      List<Result> results, List<Policy.Waiver> waivers, LocalDate today, Coverage coverage) {
    List<Optional<Policy.Waiver>> chosen = new ArrayList<>();
    List<List<Policy.Waiver>> lapsed = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      chosen.add(Optional.empty());
      lapsed.add(new ArrayList<>());
    }
    List<WaiverStatus> statuses = new ArrayList<>();
    for (Policy.Waiver w : waivers) {
      statuses.add(judge(w, results, today, coverage, chosen, lapsed));
    }
    List<Result> out = new ArrayList<>(results);
    for (int i = 0; i < out.size(); i++) {
      Result r = out.get(i);
      Optional<Policy.Waiver> w = chosen.get(i);
      if (w.isPresent()) {
        out.set(i, r.waived(applied(w.get())));
      } else if (!lapsed.get(i).isEmpty()) {
        out.set(i, withNotes(r, lapsed.get(i)));
      }
    }
    return new Applied(out, statuses);
  }

  /**
   * Matches one waiver against the results: records, per result index, the longest-lasting live
   * waiver covering it ({@code chosen}) and the expired ones that would have ({@code lapsed}).
   */
  private static WaiverStatus judge(
      Policy.Waiver w,
      List<Result> results,
      LocalDate today,
      Coverage coverage,
      List<Optional<Policy.Waiver>> chosen,
      List<List<Policy.Waiver>> lapsed) {
    LinearRegex glob = glob(w.project());
    boolean expired = w.expires().isBefore(today);
    int failing = 0;
    boolean undetermined = false;
    for (int i = 0; i < results.size(); i++) {
      Result r = results.get(i);
      if (!r.ruleId().equals(w.rule()) || !glob.matchesWhole(r.project())) {
        continue;
      }
      switch (r.outcome()) {
        case FAIL -> {
          failing++;
          if (expired) {
            lapsed.get(i).add(w);
          } else if (chosen.get(i).map(c -> lastsLonger(w, c)).orElse(true)) {
            chosen.set(i, Optional.of(w));
          }
        }
        case NOT_RUN, NOT_AVAILABLE, ERROR -> undetermined = true;
        default -> {}
      }
    }
    boolean namesScanned = coverage.projects().stream().anyMatch(glob::matchesWhole);
    if (!namesScanned && !coverage.wholeScope()) {
      undetermined = true;
    }
    String state = state(w, today, expired, failing, undetermined);
    return new WaiverStatus(
        w.rule(), w.project(), w.reason(), w.approvedBy(), w.expires(), state, failing);
  }

  private static String state(
      Policy.Waiver w, LocalDate today, boolean expired, int failing, boolean undetermined) {
    if (expired) {
      return EXPIRED;
    }
    if (failing > 0) {
      return daysLeft(w.expires(), today) <= EXPIRING_DAYS ? EXPIRING : LIVE;
    }
    return undetermined ? UNDETERMINED : STALE;
  }

  /** Days from {@code today} to the waiver's last day: 0 on its last day, negative once expired. */
  public static long daysLeft(LocalDate expires, LocalDate today) {
    return ChronoUnit.DAYS.between(today, expires);
  }

  private static boolean lastsLonger(Policy.Waiver candidate, Policy.Waiver current) {
    return Comparator.comparing(Policy.Waiver::expires).compare(candidate, current) > 0;
  }

  private static AppliedWaiver applied(Policy.Waiver w) {
    return new AppliedWaiver(w.project(), w.reason(), w.approvedBy(), w.expires());
  }

  /** The FAIL with a note per waiver that would have covered it had it not expired. */
  private static Result withNotes(Result r, List<Policy.Waiver> expired) {
    List<String> notes = new ArrayList<>(r.notes());
    for (Policy.Waiver w : expired) {
      notes.add(
          "a waiver for "
              + w.project()
              + " expired on "
              + w.expires()
              + " and no longer applies (reason: "
              + w.reason()
              + "; approved by "
              + w.approvedBy()
              + ")");
    }
    return new Result(
        r.project(),
        r.ruleId(),
        r.outcome(),
        r.severity(),
        r.clauses(),
        r.message(),
        r.evidence(),
        r.locations(),
        r.remediation(),
        notes,
        r.waiver(),
        r.fingerprint());
  }

  /**
   * A project glob: {@code *} matches any run of characters, {@code ?} one character. Matched in
   * linear time: project names come from an API answer, and {@code *a*a*a*b} backtracks.
   */
  public static LinearRegex glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (int k = 0; k < glob.length(); ) {
      int ch = glob.codePointAt(k);
      k += Character.charCount(ch);
      switch (ch) {
        case '*' -> re.append("(?s:.*)");
        case '?' -> re.append("(?s:.)");
        default -> re.append("\\x{").append(Integer.toHexString(ch)).append('}');
      }
    }
    return LinearRegex.compile(
        re.toString(), LinearRegex.Syntax.RE2, LinearRegex.Option.CASE_INSENSITIVE);
  }
}
