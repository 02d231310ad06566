package dev.shipcheck.checks;

import dev.shipcheck.core.outcome.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code kind: file-exists}: at least one file matches one of {@code paths} (paths or globs,
 * case-insensitive).
 */
public record FileExistsCheck(
    String id,
    String title,
    String clause,
    Severity severity,
    String remediation,
    Optional<String> rationale,
    List<String> paths)
    implements Check {

  public static final String KIND = "file-exists";

  public FileExistsCheck {
    Check.requireHeader(id, title, clause, severity, remediation);
    rationale = Objects.requireNonNullElse(rationale, Optional.empty());
    paths = List.copyOf(paths);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
