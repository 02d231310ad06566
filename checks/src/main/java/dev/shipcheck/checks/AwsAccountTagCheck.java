package dev.shipcheck.checks;

import dev.shipcheck.core.outcome.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code kind: aws-account-tag}: the AWS account linked to the project (DESIGN §4) carries the tag
 * {@code tag} (key compared case-insensitively), and, when {@code matches} is given, its value
 * matches that regular expression in full.
 */
public record AwsAccountTagCheck(
    String id,
    String title,
    String clause,
    Severity severity,
    String remediation,
    Optional<String> rationale,
    String tag,
    Optional<String> matches)
    implements Check {

  public static final String KIND = "aws-account-tag";

  public AwsAccountTagCheck {
    Check.requireHeader(id, title, clause, severity, remediation);
    rationale = Objects.requireNonNullElse(rationale, Optional.empty());
    Objects.requireNonNull(tag, "tag");
    matches = Objects.requireNonNullElse(matches, Optional.empty());
  }

  @Override
  public String kind() {
    return KIND;
  }
}
