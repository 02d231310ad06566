package dev.shipcheck.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class YamlTreeTest {
  private static YamlTree.Parsed parse(String yaml) throws YamlException {
    return YamlTree.parse("t.yml", yaml, YamlTree.Limits.DEFAULT);
  }

  @Test
  void resolvesAliasesAndMergeKeysWithExplicitKeysWinning() throws Exception {
    JsonNode root =
        parse(
                """
        defaults: &d {image: node, size: small}
        extra: &e {size: large, cpu: 2}
        job:
          <<: [*d, *e]
          size: medium
        """)
            .root();
    assertThat(root.at("/job/image").asText()).isEqualTo("node");
    assertThat(root.at("/job/size").asText()).isEqualTo("medium");
    assertThat(root.at("/job/cpu").asInt()).isEqualTo(2);
  }

  @Test
  void followsYaml11ScalarsButKeepsDatesAsWritten() throws Exception {
    JsonNode root = parse("version: 2.1\nflag: on\nwhen: 2027-01-31\nn: 0x10\n").root();
    assertThat(root.get("version").isDouble()).isTrue();
    assertThat(root.get("flag").asBoolean()).isTrue();
    assertThat(root.get("when").asText()).isEqualTo("2027-01-31");
    assertThat(root.get("n").asInt()).isEqualTo(16);
  }

  @Test
  void keepsNonFiniteFloatsAsTheTextWrittenSinceJsonHasNoSuchNumber() throws Exception {
    JsonNode root = parse("a: .inf\nb: -.Inf\nc: .NaN\nd: 1e1000000\ne: 1.5e300\n").root();
    assertThat(root.get("a").isTextual()).isTrue();
    assertThat(root.get("a").asText()).isEqualTo(".inf");
    assertThat(root.get("b").asText()).isEqualTo("-.Inf");
    assertThat(root.get("c").asText()).isEqualTo(".NaN");
    assertThat(root.get("d").asText()).isEqualTo("1e1000000");
    assertThat(root.get("e").isDouble()).isTrue();
    assertThat(root.get("e").decimalValue()).isNotNull();
  }

  @Test
  void recordsPositionsOfKeysAndValues() throws Exception {
    YamlTree.Parsed p = parse("a:\n  b:\n    - x\n    - y\n");
    assertThat(p.positions().valueAt("/a/b/1")).isEqualTo(new Position(4, 7));
    assertThat(p.positions().keyAt("/a/b")).isEqualTo(new Position(2, 3));
    assertThat(p.positions().valueAt("/a/b/9")).isEqualTo(new Position(3, 5));
  }

  @Test
  void refusesABillionLaughsQuickly() {
    StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(p);
      }
      bomb.append("]\n");
    }
    assertThatThrownBy(() -> parse(bomb.toString()))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("alias bomb");
  }

  @Test
  void refusesDuplicateKeysWithTheirLine() {
    assertThatThrownBy(() -> parse("a: 1\nb: 2\na: 3\n"))
        .isInstanceOf(YamlException.class)
        .hasMessage("t.yml:3:1: duplicate key 'a'");
  }

  @Test
  void refusesAMergeKeyNamingAMissingAnchor() {
    assertThatThrownBy(() -> parse("job:\n  <<: *missing\n"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("t.yml:2:7")
        .hasMessageContaining("missing");
  }

  @Test
  void refusesOversizedInput() {
    assertThatThrownBy(
            () ->
                YamlTree.parse(
                    "t.yml", "a: " + "x".repeat(200), new YamlTree.Limits(100, 10, 100, 10)))
        .hasMessageContaining("larger than the 100-byte limit");
  }

  @Test
  void refusesTagsNamingJavaTypes() {
    assertThatThrownBy(
            () -> parse("x: !!javax.script.ScriptEngineManager [!!java.net.URL [\"http://x\"]]\n"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("t.yml:1:4")
        .hasMessageContaining("Global tag is not allowed");
  }
}
