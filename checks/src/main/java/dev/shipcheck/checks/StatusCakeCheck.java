package dev.shipcheck.checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.facts.statuscake.UptimeCheck;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code kind: statuscake-check}: every uptime check watching the project's production site (DESIGN
 * §4) has a value in {@code field}; when {@code matches} is given the value matches that regular
 * expression in full (for a list field, at least one element does).
 */
public record StatusCakeCheck(
    String id,
    String title,
    String clause,
    Severity severity,
    String remediation,
    Optional<String> rationale,
    Field field,
    Optional<String> matches)
    implements Check {

  public static final String KIND = "statuscake-check";

  /** The fields of an uptime check a check may read, by their StatusCake API names. */
  public enum Field {
    NAME("name", c -> List.of(c.name())),
    WEBSITE_URL("website_url", c -> List.of(c.websiteUrl())),
    TEST_TYPE("test_type", c -> List.of(c.testType())),
    CHECK_RATE("check_rate", c -> List.of(String.valueOf(c.checkRate()))),
    CONTACT_GROUPS("contact_groups", UptimeCheck::contactGroups),
    PAUSED("paused", c -> List.of(String.valueOf(c.paused()))),
    TAGS("tags", UptimeCheck::tags);

    private final String key;
    private final Function<UptimeCheck, List<String>> read;

    Field(String key, Function<UptimeCheck, List<String>> read) {
      this.key = key;
      this.read = read;
    }

    @JsonValue
    public String key() {
      return key;
    }

    /** The field's values as text: one for a scalar, any number for a list. */
    public List<String> values(UptimeCheck check) {
      return read.apply(check).stream().filter(v -> !v.isBlank()).toList();
    }

    @JsonCreator
    public static Field parse(String key) {
      for (Field f : values()) {
        if (f.key.equals(key)) {
          return f;
        }
      }
      throw new IllegalArgumentException("unknown uptime check field '" + key + "'");
    }
  }

  public StatusCakeCheck {
    Check.requireHeader(id, title, clause, severity, remediation);
    rationale = Objects.requireNonNullElse(rationale, Optional.empty());
    Objects.requireNonNull(field, "field");
    matches = Objects.requireNonNullElse(matches, Optional.empty());
  }

  @Override
  public String kind() {
    return KIND;
  }
}
