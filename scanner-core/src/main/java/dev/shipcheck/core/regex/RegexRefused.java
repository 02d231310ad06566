package dev.shipcheck.core.regex;

import java.util.Objects;

/**
 * A pattern {@link LinearRegex} will not compile: not a valid expression in its syntax, a construct
 * only a backtracking engine can match, or beyond the size and nesting limits that keep matching
 * cheap. The message names the pattern, the reason and where in the pattern.
 */
public final class RegexRefused extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why a pattern was refused. */
  public enum Kind {
    /** Not a valid regular expression in its syntax: the tool that owns it would reject it too. */
    INVALID,
    /**
     * Valid, but it needs backtracking (backreferences, lookaround, atomic groups, possessive
     * quantifiers) or Java-only syntax that has no linear-time equivalent.
     */
    UNSUPPORTED,
    /** Valid, but nested or repeated beyond what can be matched quickly. */
    TOO_COMPLEX
  }

  private final String pattern;
  private final Kind kind;
  private final String reason;
  private final int index;

  RegexRefused(String pattern, Kind kind, String reason, int index) {
    super(message(pattern, reason, index));
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.index = index;
  }

  private static String message(String pattern, String reason, int index) {
    return "/"
        + pattern
        + "/ "
        + reason
        + (index >= 0 ? " (at character " + (index + 1) + ")" : "");
  }

  /** The pattern as written. */
  public String pattern() {
    return pattern;
  }

  public Kind kind() {
    return kind;
  }

  /** What is wrong, without the pattern: "uses a backreference (\1)". */
  public String reason() {
    return reason;
  }

  /** The 0-based index in the pattern where the problem is, or -1 when not known. */
  public int index() {
    return index;
  }

  /** The reason with its place: "uses a backreference (\1) at character 4". */
  public String reasonAt() {
    return reason + (index >= 0 ? " at character " + (index + 1) : "");
  }
}
