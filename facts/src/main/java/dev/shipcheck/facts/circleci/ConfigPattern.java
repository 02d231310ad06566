package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.fact.Absence;
import dev.shipcheck.core.fact.AbsentFactException;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.regex.RegexRefused;
import dev.shipcheck.core.yaml.Position;
import java.util.Objects;

/**
 * A regular expression written in the config (a {@code /regex/} branch filter, a {@code matches}
 * pattern), matched against the whole value as CircleCI does, in linear time. One that cannot be
 * matched that way (a backreference, a lookaround, a pattern past the size limits) is kept as
 * {@link Refused}: asking it makes the fact that needed the answer absent with the pattern, where
 * it is written and why, so the rules say NOT_AVAILABLE instead of hanging or guessing.
 */
public sealed interface ConfigPattern {

  /** The pattern as written, without slashes. */
  String written();

  /** Whether the whole {@code value} matches. */
  boolean matchesWhole(String value);

  /**
   * Compiles a pattern CircleCI reads with {@code syntax}; a pattern invalid in that syntax (one
   * CircleCI rejects) is thrown to the caller to report as a config problem.
   *
   * @throws RegexRefused of kind {@link RegexRefused.Kind#INVALID}
   */
  static ConfigPattern of(
      String written, LinearRegex.Syntax syntax, Position position, String what) {
    try {
      return new Compiled(LinearRegex.compile(written, syntax));
    } catch (RegexRefused e) {
      if (e.kind() == RegexRefused.Kind.INVALID) {
        throw e;
      }
      return new Refused(written, position, what, e.reasonAt());
    }
  }

  /** A pattern matched by RE2/J. */
  record Compiled(LinearRegex regex) implements ConfigPattern {
    public Compiled {
      Objects.requireNonNull(regex, "regex");
    }

    @Override
    public String written() {
      return regex.pattern();
    }

    @Override
    public boolean matchesWhole(String value) {
      return regex.matchesWhole(value);
    }
  }

  /**
   * A pattern that cannot be matched in linear time.
   *
   * @param what where it is used, e.g. "branch filter"
   * @param reason why, e.g. "uses a backreference \1, ... at character 5"
   */
  record Refused(String written, Position position, String what, String reason)
      implements ConfigPattern {
    public Refused {
      Objects.requireNonNull(written, "written");
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(reason, "reason");
    }

    /** "the branch filter /(a)\1/ uses a backreference ...". */
    public String describe() {
      return "the "
          + what
          + " /"
          + Filter.shortened(written)
          + "/ "
          + reason
          + "; Shipcheck matches patterns from the repository in linear time only, so what it"
          + " decides cannot be told";
    }

    /**
     * Never answers: the fact being derived (or the rule asking) becomes absent with this pattern
     * as the reason, reported by CircleCiConfigured.
     */
    @Override
    public boolean matchesWhole(String value) {
      throw new AbsentFactException(
          new Absence(
              UsablePipeline.CAUSE,
              CircleCiConfig.PATH
                  + (position.line() > 0 ? " line " + position.line() : "")
                  + ": "
                  + describe(),
              java.util.Optional.of(
                  position.line() > 0
                      ? Location.at(CircleCiConfig.PATH, position.line(), position.column())
                      : Location.file(CircleCiConfig.PATH))));
    }
  }
}
