package dev.shipcheck.core.collect;

import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.regex.RegexRefused;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A path pattern over a repository's files, relative to its root and matched case-insensitively:
 * {@code *} any characters within one path segment, {@code ?} one such character, {@code **} as a
 * whole segment any number of segments (none included), {@code {a,b}} either alternative, {@code
 * [abc]} / {@code [a-z]} / {@code [!a]} one character of a set. A pattern without these is a plain
 * path. Policy files and plugin metadata are validated with {@link #problem}, so a bad glob is
 * reported with its line and column before anything runs.
 */
public final class Glob {
  private final String pattern;
  private final LinearRegex regex;
  private final boolean literal;

  private Glob(String pattern, LinearRegex regex, boolean literal) {
    this.pattern = pattern;
    this.regex = regex;
    this.literal = literal;
  }

  /**
   * Compiles a glob.
   *
   * @throws InvalidGlobException when the pattern is not a valid glob
   */
  public static Glob of(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    Translation t = new Translation(pattern);
    String error = t.translate();
    LinearRegex regex = null;
    if (error == null) {
      try {
        regex =
            LinearRegex.compile(
                t.regex.toString(), LinearRegex.Syntax.RE2, LinearRegex.Option.CASE_INSENSITIVE);
      } catch (RegexRefused e) {
        error =
            e.kind() == RegexRefused.Kind.INVALID
                ? "a character set is not valid (" + e.reason() + ")"
                : "it " + e.reason();
      }
    }
    if (error != null) {
      throw new InvalidGlobException(pattern, error);
    }
    return new Glob(pattern, regex, !t.wild);
  }

  /** Why {@code pattern} is not a valid glob, or empty when it is one. */
  public static Optional<String> problem(String pattern) {
    try {
      of(pattern);
      return Optional.empty();
    } catch (InvalidGlobException e) {
      return Optional.of(e.problem());
    }
  }

  /** A pattern that is not a valid glob. */
  public static final class InvalidGlobException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String problem;

    InvalidGlobException(String pattern, String problem) {
      super("'" + pattern + "' is not a valid path glob: " + problem);
      this.problem = problem;
    }

    /** What is wrong, without the pattern. */
    public String problem() {
      return problem;
    }
  }

  public String pattern() {
    return pattern;
  }

  /** Whether the pattern is a plain path, without wildcards. */
  public boolean isLiteral() {
    return literal;
  }

  /** Whether a {@code /}-separated path relative to the repository root matches. */
  public boolean matches(String path) {
    return regex.matchesWhole(path);
  }

  /**
   * The directory every match lies directly in, when the pattern fixes it (no wildcard before the
   * last segment): {@code ""} for {@code *.md}, {@code .github} for {@code .github/CODEOWNERS};
   * empty for {@code docs/**}/x, {@code {a,b}/x} or {@code docs/**}. Lets a partial listing tell
   * "absent" from "unknown".
   */
  public Optional<String> directory() {
    int slash = pattern.lastIndexOf('/');
    String dir = slash < 0 ? "" : pattern.substring(0, slash);
    for (char c : dir.toCharArray()) {
      if ("*?{}[]".indexOf(c) >= 0) {
        return Optional.empty();
      }
    }
    String last = pattern.substring(slash + 1);
    // With no wildcard before it, the last '/' is outside any braces, so alternatives in the last
    // segment ({@code {README,CODEOWNERS}}) stay in the one directory; only {@code **} leaves it.
    return last.contains("**") ? Optional.empty() : Optional.of(dir);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Glob g && g.pattern.equals(pattern);
  }

  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  @Override
  public String toString() {
    return pattern;
  }

  /** Glob to regular expression, one character at a time. */
  private static final class Translation {
    private final String glob;
    private final StringBuilder regex = new StringBuilder();
    private boolean wild;
    private boolean inBraces;
    private int i;

    Translation(String glob) {
      this.glob = glob;
    }

    /** Fills {@link #regex}; returns the problem, or null. */
    String translate() {
      String shape = shapeProblem();
      if (shape != null) {
        return shape;
      }
      while (i < glob.length()) {
        String problem = step(glob.charAt(i));
        if (problem != null) {
          return problem;
        }
      }
      return inBraces ? "'{' at " + glob.indexOf('{') + " is never closed by '}'" : null;
    }

    private String shapeProblem() {
      if (glob.isEmpty()) {
        return "it is empty";
      }
      if (glob.startsWith("/")) {
        return "paths are relative to the repository root; remove the leading '/'";
      }
      if (glob.indexOf('\\') >= 0) {
        return "use '/' between directories; '\\' is not allowed";
      }
      for (String segment : glob.split("/", -1)) {
        if (segment.isEmpty()) {
          return "it has an empty path segment ('//' or a trailing '/')";
        }
        if (segment.equals(".") || segment.equals("..")) {
          return "'" + segment + "' segments are not allowed";
        }
        if (segment.contains("**") && !segment.equals("**")) {
          return "'**' must be a whole path segment, as in 'docs/**/README.md'";
        }
      }
      return null;
    }

    private String step(char c) {
      switch (c) {
        case '*' -> {
          wild = true;
          if (glob.startsWith("**", i)) {
            boolean slashAfter = i + 2 < glob.length();
            // "**/" matches zero or more whole segments; a final "**" matches the rest.
            regex.append(slashAfter ? "(?:[^/]+/)*" : ".*");
            i += slashAfter ? 3 : 2;
            return null;
          }
          regex.append("[^/]*");
        }
        case '?' -> {
          wild = true;
          regex.append("[^/]");
        }
        case '{' -> {
          if (inBraces) {
            return "'{' at " + i + " is nested inside another '{'";
          }
          wild = true;
          inBraces = true;
          regex.append("(?:");
        }
        case '}' -> {
          if (!inBraces) {
            return "'}' at " + i + " has no matching '{'";
          }
          inBraces = false;
          regex.append(')');
        }
        case ',' -> regex.append(inBraces ? "|" : ",");
        case '[' -> {
          return charClass();
        }
        case ']' -> {
          return "']' at " + i + " has no matching '['";
        }
        default ->
            regex.append(
                Character.isLetterOrDigit(c) || Character.isSurrogate(c)
                    ? String.valueOf(c)
                    : "\\x{" + Integer.toHexString(c) + "}");
      }
      i++;
      return null;
    }

    private String charClass() {
      int end = glob.indexOf(']', i + 1);
      if (end < 0) {
        return "'[' at " + i + " is never closed by ']'";
      }
      String body = glob.substring(i + 1, end);
      boolean negated = body.startsWith("!");
      if (negated) {
        body = body.substring(1);
      }
      if (body.isEmpty() || body.contains("/") || body.contains("[")) {
        return "'[" + glob.substring(i + 1, end) + "]' at " + i + " is not a character set";
      }
      StringBuilder set = new StringBuilder(negated ? "[^/" : "[");
      for (int k = 0; k < body.length(); k++) {
        char ch = body.charAt(k);
        boolean range = ch == '-' && k > 0 && k < body.length() - 1;
        set.append(range ? "-" : "\\x{" + Integer.toHexString(ch).toUpperCase(Locale.ROOT) + "}");
      }
      regex.append(set).append(']');
      wild = true;
      i = end + 1;
      return null;
    }
  }
}
