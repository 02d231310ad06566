package dev.shipcheck.checks;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.shipcheck.core.outcome.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * A declarative check from the policy file's {@code checks:}: an organisation-specific rule of a
 * common shape, written without Java. Each becomes a rule with origin {@code policy}, and its
 * results, configuration ({@code rules:}) and waivers work like any other rule's. The {@code kind}
 * key selects the shape; the policy JSON Schema validates each kind's keys.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = FileExistsCheck.class, name = FileExistsCheck.KIND),
  @JsonSubTypes.Type(value = FileContentCheck.class, name = FileContentCheck.KIND),
  @JsonSubTypes.Type(value = BranchExistsCheck.class, name = BranchExistsCheck.KIND),
  @JsonSubTypes.Type(value = AwsAccountTagCheck.class, name = AwsAccountTagCheck.KIND),
  @JsonSubTypes.Type(value = StatusCakeCheck.class, name = StatusCakeCheck.KIND),
  @JsonSubTypes.Type(value = CircleCiJobCheck.class, name = CircleCiJobCheck.KIND)
})
public sealed interface Check
    permits FileExistsCheck,
        FileContentCheck,
        BranchExistsCheck,
        AwsAccountTagCheck,
        StatusCakeCheck,
        CircleCiJobCheck {
  /** The rule id: unique among every rule of the scan, built-in and plugin ones included. */
  String id();

  /** The compliant state, one line, no trailing period. */
  String title();

  /**
   * The clause it checks: a built-in clause id or one declared in the policy's {@code clauses:}.
   */
  String clause();

  Severity severity();

  /** What to do when it fails. */
  String remediation();

  /** Why the organisation asks for this; a sentence naming the clause when not given. */
  Optional<String> rationale();

  /** The {@code kind} key's value. */
  String kind();

  /** Checks the keys every kind has; for the records' compact constructors. */
  static void requireHeader(
      String id, String title, String clause, Severity severity, String remediation) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(clause, "clause");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(remediation, "remediation");
  }
}
