package dev.shipcheck.checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.shipcheck.core.outcome.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code kind: circleci-job}: in the project's {@code .circleci/config.yml}, every workflow job of
 * the selected sort ({@code jobs}, by default the production deploys of DESIGN §5), optionally
 * narrowed by a glob over its name, has a value at {@code field}; when {@code matches} is given the
 * value (for a list, one element) matches that regular expression in full. For example: every
 * production deploy job uses the context {@code prod-deploy}.
 *
 * @param field {@code context}, {@code job} (the job it runs, e.g. {@code deploy/run}), {@code
 *     name} (its name in the workflow) or {@code parameters.<name>} (a parameter it is given)
 */
public record CircleCiJobCheck(
    String id,
    String title,
    String clause,
    Severity severity,
    String remediation,
    Optional<String> rationale,
    Optional<Jobs> jobs,
    Optional<String> name,
    String field,
    Optional<String> matches)
    implements Check {

  public static final String KIND = "circleci-job";

  /** Which workflow jobs a check judges, by the roles every CircleCI rule shares. */
  public enum Jobs {
    PRODUCTION_DEPLOYS("production-deploys", "production deploy job"),
    DEPLOYS("deploys", "deploy job"),
    TESTS("tests", "test job"),
    APPROVALS("approvals", "approval job"),
    ALL("all", "workflow job");

    private final String label;
    private final String noun;

    Jobs(String label, String noun) {
      this.label = label;
      this.noun = noun;
    }

    @JsonValue
    public String label() {
      return label;
    }

    /** "production deploy job", for messages. */
    public String noun() {
      return noun;
    }

    @JsonCreator
    public static Jobs parse(String text) {
      for (Jobs j : values()) {
        if (j.label.equals(text)) {
          return j;
        }
      }
      throw new IllegalArgumentException("unknown job selection '" + text + "'");
    }
  }

  public CircleCiJobCheck {
    Check.requireHeader(id, title, clause, severity, remediation);
    rationale = Objects.requireNonNullElse(rationale, Optional.empty());
    jobs = Objects.requireNonNullElse(jobs, Optional.empty());
    name = Objects.requireNonNullElse(name, Optional.empty());
    Objects.requireNonNull(field, "field");
    matches = Objects.requireNonNullElse(matches, Optional.empty());
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** The selection, default applied. */
  public Jobs selection() {
    return jobs.orElse(Jobs.PRODUCTION_DEPLOYS);
  }
}
