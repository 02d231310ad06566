package dev.shipcheck.core.engine;

import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.report.AppliedWaiver;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.WaiverStatus;
import dev.shipcheck.core.rule.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Applies the policy's waivers to evaluated results: a live waiver turns a matching FAIL into
 * WAIVED; an expired one stops applying; one that matches nothing is stale.
 */
public final class Waivers {
  /** A live waiver ending within this many days is flagged as expiring. */
  public static final int EXPIRING_DAYS = 14;

  private Waivers() {}

  /** Results after waivers, and what became of each waiver. */
  public record Applied(List<Result> results, List<WaiverStatus> statuses) {
    public Applied {
      results = List.copyOf(results);
      statuses = List.copyOf(statuses);
    }
  }

  public static Applied apply(List<Result> results, List<Policy.Waiver> waivers, LocalDate today) {
    List<Result> out = new ArrayList<>(results);
    List<WaiverStatus> statuses = new ArrayList<>();
    for (Policy.Waiver w : waivers) {
      Pattern glob = glob(w.project());
      boolean expired = w.expires().isBefore(today);
      int matched = 0;
      for (int i = 0; i < out.size(); i++) {
        Result r = out.get(i);
        if (!r.ruleId().equals(w.rule()) || !glob.matcher(r.project()).matches()) {
          continue;
        }
        if (r.outcome() == Outcome.FAIL) {
          matched++;
          if (!expired) {
            out.set(
                i,
                r.waived(new AppliedWaiver(w.project(), w.reason(), w.approvedBy(), w.expires())));
          }
        }
      }
      String state;
      if (expired) {
        state = "expired";
      } else if (matched == 0) {
        state = "stale";
      } else if (!w.expires().isAfter(today.plusDays(EXPIRING_DAYS))) {
        state = "expiring";
      } else {
        state = "live";
      }
      statuses.add(
          new WaiverStatus(
              w.rule(),
              w.project(),
              w.reason(),
              w.approvedBy(),
              w.expires(),
              state,
              expired ? 0 : matched));
    }
    return new Applied(out, statuses);
  }

  /** A project glob: {@code *} matches any run of characters, {@code ?} one character. */
  public static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      switch (ch) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
  }
}
