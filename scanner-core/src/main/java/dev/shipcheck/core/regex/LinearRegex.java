package dev.shipcheck.core.regex;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A regular expression matched in time linear in the text (RE2/J: an automaton, never
 * backtracking), for every pattern that comes from a scanned repository, an API answer or a policy
 * file. {@code java.util.regex} backtracks, so one hostile pattern such as {@code ((((.*)*)*)*)*Z}
 * can hold a scan for hours; RE2/J answers the same question in microseconds.
 *
 * <p>Two syntaxes: {@link Syntax#RE2} as RE2/J reads it (what CircleCI's expression language uses),
 * and {@link Syntax#JAVA}, the {@code java.util.regex} syntax (what CircleCI documents for branch
 * filters and logic statements, and what policies are written in), translated to RE2 with the same
 * meaning or refused: backreferences, lookaround, atomic groups, possessive quantifiers and a few
 * Java-only constructs have no linear-time equivalent. Patterns are also refused when nested more
 * than {@value #MAX_NESTING} groups deep, when counted repetitions nest to more than {@value
 * #MAX_REPEAT} copies, or when they would compile to more than {@value #MAX_SIZE} states: RE2/J's
 * own parser recurses per group and expands counted repetitions.
 *
 * <p>Instances are immutable and safe to share between threads; compile each pattern once per scan.
 */
public final class LinearRegex {
  /** Deepest group nesting accepted. */
  public static final int MAX_NESTING = 100;

  /** Most copies counted repetitions may nest to ({@code (a{10}){100}} is 1000), as in RE2. */
  public static final int MAX_REPEAT = 1000;

  /** Longest pattern accepted in {@link Syntax#JAVA} syntax. */
  public static final int MAX_JAVA_LENGTH = 1000;

  /** Largest compiled size accepted, roughly the number of automaton states. */
  public static final int MAX_SIZE = 100_000;

  /** How a pattern is written. */
  public enum Syntax {
    /** RE2 syntax, compiled as written. */
    RE2,
    /** {@code java.util.regex} syntax, translated to RE2 with the same meaning or refused. */
    JAVA
  }

  /** Options that hold for the whole pattern, as if written at its start. */
  public enum Option {
    /** {@code ^} and {@code $} match at line ends ({@code (?m)}). */
    MULTILINE,
    /** Letters match either case, Unicode case folding ({@code (?iu)}). */
    CASE_INSENSITIVE
  }

  private final String written;
  private final Syntax syntax;
  private final Pattern compiled;

  private LinearRegex(String written, Syntax syntax, Pattern compiled) {
    this.written = written;
    this.syntax = syntax;
    this.compiled = compiled;
  }

  /**
   * Compiles {@code pattern}.
   *
   * @throws RegexRefused when it is not valid in its syntax, cannot be matched in linear time, or
   *     is beyond the limits
   */
  public static LinearRegex compile(String pattern, Syntax syntax, Option... options) {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(syntax, "syntax");
    boolean multiline = false;
    boolean caseInsensitive = false;
    for (Option o : options) {
      multiline |= o == Option.MULTILINE;
      caseInsensitive |= o == Option.CASE_INSENSITIVE;
    }
    String re2 =
        syntax == Syntax.JAVA
            ? JavaToRe2.translate(pattern, multiline, caseInsensitive)
            : Re2Limits.check(pattern);
    int flags = 0;
    if (syntax == Syntax.RE2) {
      flags |= multiline ? Pattern.MULTILINE : 0;
      flags |= caseInsensitive ? Pattern.CASE_INSENSITIVE : 0;
    }
    try {
      return new LinearRegex(pattern, syntax, Pattern.compile(re2, flags));
    } catch (PatternSyntaxException e) {
      throw syntax == Syntax.RE2
          ? new RegexRefused(pattern, RegexRefused.Kind.INVALID, re2Reason(e), -1)
          : new RegexRefused(
              pattern,
              RegexRefused.Kind.UNSUPPORTED,
              "has no linear-time equivalent (" + re2Reason(e) + ")",
              -1);
    } catch (StackOverflowError e) {
      // The nesting limit should make this unreachable; a refusal is still the right answer.
      throw new RegexRefused(pattern, RegexRefused.Kind.TOO_COMPLEX, "is nested too deeply", -1);
    }
  }

  private static String re2Reason(PatternSyntaxException e) {
    String d = e.getDescription();
    return "is not valid RE2 syntax: "
        + (d == null || d.isEmpty() ? e.getMessage() : d)
        + (e.getPattern() == null || e.getPattern().isEmpty() ? "" : " '" + e.getPattern() + "'");
  }

  /** Whether the whole of {@code text} matches, as {@code java.util.regex.Matcher#matches}. */
  public boolean matchesWhole(CharSequence text) {
    return compiled.matcher(text).matches();
  }

  /** Whether some part of {@code text} matches, as {@code java.util.regex.Matcher#find}. */
  public boolean find(CharSequence text) {
    return compiled.matcher(text).find();
  }

  /** Where the first match in {@code text} starts, if there is one. */
  public OptionalInt firstMatch(CharSequence text) {
    com.google.re2j.Matcher m = compiled.matcher(text);
    return m.find() ? OptionalInt.of(m.start()) : OptionalInt.empty();
  }

  /** The first match in {@code text}, if there is one. */
  public java.util.Optional<String> firstMatchText(CharSequence text) {
    com.google.re2j.Matcher m = compiled.matcher(text);
    return m.find() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
  }

  /** The pattern as written. */
  public String pattern() {
    return written;
  }

  public Syntax syntax() {
    return syntax;
  }

  /** The RE2 pattern actually matched (the translation, for {@link Syntax#JAVA}). */
  public String re2() {
    return compiled.pattern();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinearRegex r
        && r.written.equals(written)
        && r.syntax == syntax
        && r.compiled.flags() == compiled.flags()
        && r.compiled.pattern().equals(compiled.pattern());
  }

  @Override
  public int hashCode() {
    return Objects.hash(written, syntax, compiled.pattern());
  }

  @Override
  public String toString() {
    return "/" + written + "/";
  }
}
