package dev.shipcheck.core.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.shipcheck.core.regex.LinearRegex.Option;
import dev.shipcheck.core.regex.LinearRegex.Syntax;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinearRegexTest {
  /** Inputs without line terminators, where the translation must agree with Java exactly. */
  private static final List<String> INPUTS =
      List.of(
          "",
          "main",
          "Main",
          "MAIN",
          "master",
          "release/1.2.3",
          "release-2.1.5",
          "v1.0.0",
          "feature/ABC-123_x",
          "user-bob",
          "pre-prod",
          "pre-prod-eu",
          "config-test",
          "a b\tc\u000Bd\fe",
          "caf\u00e9",
          "CAF\u00c9",
          "\u212a",
          "k",
          "K",
          "x.y*z",
          "Stra\u00dfe",
          "\u03a3\u03c3",
          "hotfix/2024.01",
          "a]b",
          "^caret$",
          "#hash",
          "deploy-prod",
          "Deploy_Production",
          "\u00a0nbsp",
          "emoji\uD83D\uDE00");

  /** Patterns in Java syntax that translate; each is checked against Java on every input. */
  private static final List<String> TRANSLATABLE =
      List.of(
          "main",
          "^main$",
          "/?main",
          "release/.*",
          "^release/\\d+\\.\\d+\\.\\d+$",
          "release-2\\.1\\.[3-7]",
          "^v\\d+(\\.\\d+){2}$",
          "^pre-prod(?:-.+)?$",
          "user-.*",
          "(?i)main",
          "(?i:MAIN)|master",
          "(?i)[a-m]ain",
          "(?i)[^a-z]+",
          "(?iu)caf\u00e9",
          "(?i)k",
          "(?u)(?i)k",
          "\\w+",
          "\\W",
          "\\s",
          "\\S+",
          "[\\s\\d]+",
          "[^\\S]",
          "\\h",
          "\\v",
          "\\p{Alpha}+",
          "\\P{Alpha}+",
          "[\\p{Digit}a]+",
          "\\p{L}+",
          "\\p{Lu}\\p{Ll}+",
          "\\p{IsLatin}+",
          "\\Q.*\\E",
          "x\\Q.\\E.\\*z",
          "[\\Q]\\E]",
          "\\x41|\\x{1F600}|\\u00e9|\\0101|\\t",
          "emoji\\x{1F600}",
          "emoji\\uD83D\\uDE00",
          "[]a]+",
          "[^]a]+",
          "[a-]+",
          "(?x) m a i n  # a comment",
          "(?<name>ma)in",
          "a{2,3}|o{1,}|z{0}",
          ".*",
          "(?s).*",
          "(?d).*",
          "\\bmain\\b",
          "\\Amain\\z",
          "(deploy|release|publish)",
          "(?i)deploy|release|publish",
          "(?i)test|lint|scan|check",
          "(ab|a)*?b",
          "\\^caret\\$",
          "#hash",
          "[#]hash",
          "\\N{LATIN SMALL LETTER A}",
          "\\e|\\a|\\cA");

  @Test
  void translatedPatternsMatchWhatJavaMatches() {
    for (String pattern : TRANSLATABLE) {
      LinearRegex linear = LinearRegex.compile(pattern, Syntax.JAVA);
      java.util.regex.Pattern reference = java.util.regex.Pattern.compile(pattern);
      for (String input : INPUTS) {
        assertThat(linear.matchesWhole(input))
            .as("/%s/ (RE2 %s) matches the whole of '%s'", pattern, linear.re2(), input)
            .isEqualTo(reference.matcher(input).matches());
        assertThat(linear.find(input))
            .as("/%s/ (RE2 %s) found in '%s'", pattern, linear.re2(), input)
            .isEqualTo(reference.matcher(input).find());
      }
    }
  }

  @Test
  void translationKeepsJavaLineTerminatorsForDotAndClasses() {
    for (String pattern : List.of("a.b", "a\\sb", "a\\Rb", "a\\vb", "a[^x]b", "(?s)a.b")) {
      java.util.regex.Pattern reference = java.util.regex.Pattern.compile(pattern);
      LinearRegex linear = LinearRegex.compile(pattern, Syntax.JAVA);
      for (String input : List.of("a\rb", "a\nb", "a\u0085b", "a\u2028b", "a\u000Bb", "axb")) {
        assertThat(linear.matchesWhole(input))
            .as("/%s/ on %s", pattern, input.codePointAt(1))
            .isEqualTo(reference.matcher(input).matches());
      }
    }
  }

  @Test
  void multilineAnchorsMatchAtNewlines() {
    LinearRegex r = LinearRegex.compile("^FROM .*:latest$", Syntax.JAVA, Option.MULTILINE);
    assertThat(r.firstMatch("# base\nFROM node:latest\nRUN x\n")).hasValue(7);
    assertThat(r.find("FROM node:20\n")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(a)\\1",
        "(?<n>a)\\k<n>",
        "a(?=b)",
        "a(?!b)",
        "(?<=a)b",
        "(?<!a)b",
        "(?>a+)b",
        "a*+b",
        "a++",
        "a?+",
        "a{2}+",
        "\\Gx",
        "a\\Z",
        "\\X",
        "\\b{g}",
        "\\p{InGreek}",
        "\\p{javaLowerCase}",
        "[a-z&&[^e]]",
        "[a[bc]]",
        "(?U)\\w",
        "(?i)\\p{Lu}"
      })
  void refusesWhatOnlyABacktrackingMatcherCanDo(String pattern) {
    assertThatThrownBy(() -> LinearRegex.compile(pattern, Syntax.JAVA))
        .isInstanceOfSatisfying(
            RegexRefused.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RegexRefused.Kind.UNSUPPORTED);
              assertThat(e.pattern()).isEqualTo(pattern);
              assertThat(e.getMessage()).startsWith("/" + pattern + "/ uses ");
            });
  }

  @Test
  void namesTheBackreferenceAndWhere() {
    assertThatThrownBy(() -> LinearRegex.compile("^(ab)\\1$", Syntax.JAVA))
        .hasMessage(
            "/^(ab)\\1$/ uses a backreference \\1, which only a backtracking matcher supports (at"
                + " character 6)");
  }

  @Test
  void invalidJavaIsReportedAsJavaDoes() {
    assertThatThrownBy(() -> LinearRegex.compile("release/(", Syntax.JAVA))
        .isInstanceOfSatisfying(
            RegexRefused.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RegexRefused.Kind.INVALID);
              assertThat(e.reason())
                  .startsWith("is not a valid regular expression: Unclosed group");
            });
    assertThatThrownBy(() -> LinearRegex.compile("(a", Syntax.RE2))
        .isInstanceOfSatisfying(
            RegexRefused.class, e -> assertThat(e.kind()).isEqualTo(RegexRefused.Kind.INVALID));
  }

  @Test
  void re2SyntaxIsReadAsRe2() {
    LinearRegex r = LinearRegex.compile("^(?P<x>pre-prod)(?:-.+)?$", Syntax.RE2);
    assertThat(r.matchesWhole("pre-prod-eu")).isTrue();
    assertThat(r.matchesWhole("prod")).isFalse();
    assertThat(LinearRegex.compile("[[:alpha:]]+", Syntax.RE2).matchesWhole("main")).isTrue();
    assertThatThrownBy(() -> LinearRegex.compile("(a)\\1", Syntax.RE2))
        .isInstanceOf(RegexRefused.class);
  }

  @Test
  void refusesDeepNestingHugeRepetitionAndHugePatterns() {
    String deep = "(".repeat(150) + "a" + ")".repeat(150);
    for (Syntax s : Syntax.values()) {
      assertThatThrownBy(() -> LinearRegex.compile(deep, s))
          .isInstanceOfSatisfying(
              RegexRefused.class,
              e -> {
                assertThat(e.kind()).isEqualTo(RegexRefused.Kind.TOO_COMPLEX);
                assertThat(e.reason()).isEqualTo("nests groups more than 100 deep");
              });
      assertThatThrownBy(() -> LinearRegex.compile("((a{1000}){1000}){1000}", s))
          .isInstanceOfSatisfying(
              RegexRefused.class,
              e -> assertThat(e.kind()).isEqualTo(RegexRefused.Kind.TOO_COMPLEX));
      assertThatThrownBy(() -> LinearRegex.compile("(a{999}b){999}".repeat(2), s))
          .isInstanceOf(RegexRefused.class);
    }
    String veryDeep = "(".repeat(100_000) + "a" + ")".repeat(100_000);
    assertThatThrownBy(() -> LinearRegex.compile(veryDeep, Syntax.RE2))
        .hasMessageContaining("nests groups more than 100 deep");
    assertThatThrownBy(() -> LinearRegex.compile("x".repeat(200_000), Syntax.RE2))
        .isInstanceOfSatisfying(
            RegexRefused.class, e -> assertThat(e.reason()).startsWith("is too large"));
    assertThatThrownBy(() -> LinearRegex.compile("x".repeat(1001), Syntax.JAVA))
        .isInstanceOfSatisfying(
            RegexRefused.class,
            e -> assertThat(e.reason()).isEqualTo("is longer than 1000 characters"));
    assertThat(LinearRegex.compile("(a{10}){100}", Syntax.JAVA).matchesWhole("a".repeat(1000)))
        .isTrue();
  }

  @Test
  void catastrophicPatternsFinish() {
    String text = "a".repeat(200_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (Syntax s : Syntax.values()) {
            LinearRegex r = LinearRegex.compile("((((.*)*)*)*)*Z", s);
            assertThat(r.matchesWhole(text)).isFalse();
            assertThat(r.find(text)).isFalse();
            assertThat(LinearRegex.compile("(a|aa)+$", s).find(text + "b")).isFalse();
          }
        });
  }
}
