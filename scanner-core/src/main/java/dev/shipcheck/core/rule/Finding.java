package dev.shipcheck.core.rule;

import dev.shipcheck.core.fact.Location;
import java.util.List;
import java.util.Objects;

/**
 * One problem a rule found, about one subject: a rule that finds two unguarded deploy jobs reports
 * each with its own message and place, and SARIF gets one result per subject.
 *
 * @param subject what it is about, stable across runs (a job, a deploy, a pull request): it keys
 *     the SARIF alert, so a line moving does not make a new one
 * @param message one line naming the subject
 * @param locations where it is; the first is the primary one
 */
public record Finding(String subject, String message, List<Location> locations) {
  public Finding {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    locations = List.copyOf(locations);
  }

  public static Finding of(String subject, String message, Location... at) {
    return new Finding(subject, message, List.of(at));
  }
}
