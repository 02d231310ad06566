package dev.shipcheck.core.collect;

import java.util.Objects;
import java.util.Optional;

/**
 * A message about the run itself (not about a project's compliance): a collector's outage, a
 * rate-limit wait, a rule that threw. Becomes a SARIF tool execution notification.
 */
public record Notification(
    Level level, String source, Optional<String> project, Optional<String> ruleId, String message) {

  /** How serious the message is; {@code ERROR} means the run is incomplete. */
  public enum Level {
    ERROR,
    WARNING,
    NOTE
  }

  public Notification {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(message, "message");
  }

  public static Notification of(Level level, String source, String message) {
    return new Notification(level, source, Optional.empty(), Optional.empty(), message);
  }
}
