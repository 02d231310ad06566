package dev.shipcheck.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {
  @Test
  void plainPathsMatchCaseInsensitively() {
    Glob g = Glob.of(".github/CODEOWNERS");
    assertThat(g.isLiteral()).isTrue();
    assertThat(g.matches(".github/codeowners")).isTrue();
    assertThat(g.matches("docs/.github/CODEOWNERS")).isFalse();
  }

  @Test
  void starStaysWithinOneSegmentAndDoubleStarSpansAny() {
    assertThat(Glob.of("*.md").matches("README.md")).isTrue();
    assertThat(Glob.of("*.md").matches("docs/README.md")).isFalse();
    Glob deep = Glob.of("**/README.md");
    assertThat(List.of("README.md", "docs/README.md", "a/b/c/readme.MD")).allMatch(deep::matches);
    assertThat(Glob.of("config/**").matches("config/a/b.yml")).isTrue();
    assertThat(Glob.of("config/**").matches("configs/a.yml")).isFalse();
    assertThat(Glob.of("src/**/*.java").matches("src/Main.java")).isTrue();
  }

  @Test
  void bracesQuestionMarksAndSets() {
    Glob g = Glob.of("{Dockerfile,Containerfile}");
    assertThat(g.matches("containerfile")).isTrue();
    assertThat(g.matches("Dockerfile.dev")).isFalse();
    assertThat(Glob.of("v?.txt").matches("v1.txt")).isTrue();
    assertThat(Glob.of("v[0-9].txt").matches("v7.txt")).isTrue();
    assertThat(Glob.of("v[!0-9].txt").matches("v7.txt")).isFalse();
    assertThat(Glob.of("a+b(c).txt").matches("a+b(c).txt")).isTrue();
  }

  @Test
  void tellsTheFixedDirectoryForPartialListings() {
    assertThat(Glob.of(".github/*.yml").directory()).hasValue(".github");
    assertThat(Glob.of("*.md").directory()).hasValue("");
    assertThat(Glob.of("**/x").directory()).isEmpty();
    assertThat(Glob.of("{a,b}/x").directory()).isEmpty();
    assertThat(Glob.of("{a/x,b}").directory()).isEmpty();
    assertThat(Glob.of("docs/**").directory()).isEmpty();
    assertThat(Glob.of(".github/{CODEOWNERS,OWNERS}").directory()).hasValue(".github");
    assertThat(Glob.of("{CODEOWNERS,OWNERS}").directory()).hasValue("");
  }

  @Test
  void refusesBrokenPatternsSayingWhy() {
    assertThat(Glob.problem("/etc/passwd")).get().asString().contains("leading '/'");
    assertThat(Glob.problem("../x")).get().asString().contains("'..'");
    assertThat(Glob.problem("docs/{a,b")).get().asString().contains("never closed");
    assertThat(Glob.problem("a**b")).get().asString().contains("whole path segment");
    assertThat(Glob.problem("v[9-0]")).get().asString().contains("character set");
    assertThat(Glob.problem("a//b")).get().asString().contains("empty path segment");
    assertThat(Glob.problem("docs\\\\x")).get().asString().contains("'/'");
    assertThat(Glob.problem("docs/*.md")).isEmpty();
    assertThatThrownBy(() -> Glob.of("[abc"))
        .isInstanceOf(Glob.InvalidGlobException.class)
        .hasMessageContaining("'[abc' is not a valid path glob");
  }
}
