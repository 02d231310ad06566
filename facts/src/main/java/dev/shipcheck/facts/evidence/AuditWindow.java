package dev.shipcheck.facts.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit period operating evidence is gathered for: from {@code from} (inclusive) to {@code
 * until} (exclusive), in UTC. {@code --since 2026-07-01 --until 2026-09-30} is 1 July 00:00 to 1
 * October 00:00: both named days are in the period.
 */
public record AuditWindow(Instant from, Instant until) {

  public AuditWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    if (!from.isBefore(until)) {
      throw new IllegalArgumentException(
          "the audit period must end after it starts (" + from + " .. " + until + ")");
    }
  }

  /**
   * The period the operator asked for: {@code since}/{@code until} (ISO dates, either may be
   * absent), else the policy's last {@code windowDays} days up to now.
   *
   * @throws IllegalArgumentException naming the option when a date is not an ISO date or the period
   *     is empty
   */
  public static AuditWindow of(
      EvidencePolicy policy, Optional<String> since, Optional<String> until, Clock clock) {
    Instant now = clock.instant();
    Instant end =
        until
            .map(d -> startOfDay(EvidencePolicy.UNTIL_OPTION, d).plus(Duration.ofDays(1)))
            .orElse(now);
    Instant start =
        since
            .map(d -> startOfDay(EvidencePolicy.SINCE_OPTION, d))
            .orElse(end.minus(Duration.ofDays(policy.windowDays())));
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "--since "
              + since.orElse(start.toString())
              + " is not before --until "
              + until.orElse(end.toString()));
    }
    return new AuditWindow(start, end);
  }

  private static Instant startOfDay(String option, String date) {
    try {
      return LocalDate.parse(date.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--" + option + " needs a date as YYYY-MM-DD, not \"" + date + "\"", e);
    }
  }

  public boolean contains(Instant t) {
    return !t.isBefore(from) && t.isBefore(until);
  }

  /** "2026-07-01 .. 2026-09-30" (the last day in the period), for messages. */
  public String describe() {
    LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate last = until.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
    return first + " .. " + last;
  }
}
