package dev.shipcheck.checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.regex.RegexRefused;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code kind: file-content}: every file matching {@code paths} contains a match of {@code
 * matches}, or none contains a match of {@code doesNotMatch} (exactly one of the two is given; the
 * policy loader checks it). Patterns are Java regular expressions in multi-line mode, so {@code ^}
 * and {@code $} match at line boundaries.
 *
 * @param whenNoFile what it means that no file matches {@code paths}: FAIL for {@code matches} and
 *     NOT_APPLICABLE for {@code doesNotMatch} unless given
 */
public record FileContentCheck(
    String id,
    String title,
    String clause,
    Severity severity,
    String remediation,
    Optional<String> rationale,
    List<String> paths,
    Optional<String> matches,
    Optional<String> doesNotMatch,
    Optional<WhenNoFile> whenNoFile)
    implements Check {

  public static final String KIND = "file-content";

  /** The outcome when no file matches the paths. */
  public enum WhenNoFile {
    FAIL("fail"),
    NOT_APPLICABLE("not-applicable");

    private final String label;

    WhenNoFile(String label) {
      this.label = label;
    }

    @JsonValue
    public String label() {
      return label;
    }

    @JsonCreator
    public static WhenNoFile parse(String text) {
      for (WhenNoFile w : values()) {
        if (w.label.equals(text)) {
          return w;
        }
      }
      throw new IllegalArgumentException("expected fail or not-applicable, not '" + text + "'");
    }
  }

  public FileContentCheck {
    Check.requireHeader(id, title, clause, severity, remediation);
    rationale = Objects.requireNonNullElse(rationale, Optional.empty());
    paths = List.copyOf(paths);
    matches = Objects.requireNonNullElse(matches, Optional.empty());
    doesNotMatch = Objects.requireNonNullElse(doesNotMatch, Optional.empty());
    whenNoFile = Objects.requireNonNullElse(whenNoFile, Optional.empty());
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** True for {@code matches} (every file must contain it), false for {@code doesNotMatch}. */
  public boolean required() {
    return matches.isPresent();
  }

  /** The one pattern given. */
  public String pattern() {
    return matches.or(() -> doesNotMatch).orElseThrow();
  }

  /**
   * How the policy loader and the rule compile a pattern: Java syntax, multi-line mode, matched in
   * linear time (a policy pattern must not be able to stall an audit either).
   *
   * @throws RegexRefused when it is not a valid regular expression or needs backtracking
   */
  public static LinearRegex compile(String regex) {
    return LinearRegex.compile(regex, LinearRegex.Syntax.JAVA, LinearRegex.Option.MULTILINE);
  }

  /**
   * How the other checks compile a {@code matches} pattern: Java syntax, matched against the whole
   * value in linear time.
   *
   * @throws RegexRefused when it is not a valid regular expression or needs backtracking
   */
  public static LinearRegex compileWhole(String regex) {
    return LinearRegex.compile(regex, LinearRegex.Syntax.JAVA);
  }

  /** The outcome when no file matches the paths, defaults applied. */
  public WhenNoFile noFileOutcome() {
    return whenNoFile.orElse(required() ? WhenNoFile.FAIL : WhenNoFile.NOT_APPLICABLE);
  }
}
