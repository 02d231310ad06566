package dev.shipcheck.facts.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefPatternTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "production, production, true",
    "production, Production, false",
    "prod*, production, true",
    "prod*, prod/x, false",
    "release/*, release/1.0, true",
    "release/*, release/1.0/hotfix, false",
    "release/**/*, release/1.0/hotfix, true",
    "release/**/*, release/1.0, true",
    "**/prod, a/b/prod, true",
    "**/prod, prod, true",
    "refs/heads/**, refs/heads/a/b, false",
    "refs/heads/*, refs/heads/main, true",
    "v?, v1, true",
    "v?, v12, false",
    "[pq]roduction, production, true",
    "[!pq]roduction, production, false",
    "[a-c]x, bx, true",
    "a\\*, a*, true",
    "a\\*, ab, false",
    "a.b, axb, false",
    "'[oops', '[oops', true",
  })
  void matchesLikeRubyFnmatchWithPathname(String pattern, String name, boolean expected) {
    assertThat(RefPattern.matches(pattern, name)).isEqualTo(expected);
  }
}
