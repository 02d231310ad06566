package dev.shipcheck.checks;

import dev.shipcheck.core.outcome.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code kind: branch-exists}: a branch whose name matches one of {@code branches} (names or globs
 * such as {@code release/*}, case-insensitive) exists.
 */
public record BranchExistsCheck(
    String id,
    String title,
    String clause,
    Severity severity,
    String remediation,
    Optional<String> rationale,
    List<String> branches)
    implements Check {

  public static final String KIND = "branch-exists";

  public BranchExistsCheck {
    Check.requireHeader(id, title, clause, severity, remediation);
    rationale = Objects.requireNonNullElse(rationale, Optional.empty());
    branches = List.copyOf(branches);
  }

  @Override
  public String kind() {
    return KIND;
  }
}
