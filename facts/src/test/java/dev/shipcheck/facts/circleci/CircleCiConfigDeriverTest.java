package dev.shipcheck.facts.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.yaml.Position;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CircleCiConfigDeriverTest {
  private static RepoFiles files(String path, FileContent content) {
    return new RepoFiles("working tree", true, Set.of(), List.of(path), Map.of(path, content));
  }

  private static RepoFiles text(String yaml) {
    String p = ".circleci/config.yml";
    return files(p, FileContent.text(p, "working tree", yaml, yaml.length()));
  }

  @Test
  void missingConfig() {
    RepoFiles none = new RepoFiles("working tree", true, Set.of(), List.of("README.md"), Map.of());
    CircleCiConfig c = CircleCiConfigDeriver.derive(none);
    assertThat(c.state()).isEqualTo(new ConfigState.Missing(RepoFiles.Presence.ABSENT));
    assertThat(c.unusable()).contains("there is no .circleci/config.yml");
  }

  @Test
  void invalidYamlNamesLineAndColumn() {
    CircleCiConfig c = CircleCiConfigDeriver.derive(text("version: 2.1\njobs:\n  a: [b\n  c: d\n"));
    assertThat(c.state()).isInstanceOf(ConfigState.NotYaml.class);
    ConfigState.NotYaml n = (ConfigState.NotYaml) c.state();
    assertThat(n.position().line()).isGreaterThan(0);
    assertThat(c.unusable().orElseThrow()).contains("line " + n.position().line() + ", column");
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder sb = new StringBuilder("version: 2.1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i > 0 ? "," : "").append('*').append(prev);
      }
      sb.append("]\n");
      prev = c;
    }
    CircleCiConfig c = CircleCiConfigDeriver.derive(text(sb.toString()));
    assertThat(c.state()).isInstanceOf(ConfigState.NotYaml.class);
    assertThat(((ConfigState.NotYaml) c.state()).problem()).contains("alias");
  }

  @Test
  void binaryConfigIsUnreadable() {
    String p = ".circleci/config.yml";
    CircleCiConfig c = CircleCiConfigDeriver.derive(files(p, FileContent.binary(p, "wt", 10)));
    assertThat(c.state()).isInstanceOf(ConfigState.Unreadable.class);
  }

  @Test
  void schemaDiagnosticsAreKeptWithPositions() {
    CircleCiConfig c =
        CircleCiConfigDeriver.derive(
            text("version: 2\njobs:\n  build:\n    docker: [{image: x}]\n    steps: [checkout]\n"));
    CircleCiPipeline p = c.pipeline().orElseThrow();
    assertThat(p.blocker()).isEmpty();
    assertThat(p.schemaDiagnostics()).anyMatch(d -> d.message().startsWith("version"));
    assertThat(p.schemaDiagnostics().get(0).position()).isEqualTo(new Position(1, 10));
  }

  @Test
  void emptyFileAndNonMappingAreNotConfigs() {
    assertThat(CircleCiConfigDeriver.derive(text("")).state())
        .isInstanceOf(ConfigState.NotYaml.class);
    assertThat(CircleCiConfigDeriver.derive(text("- a\n- b\n")).unusable().orElseThrow())
        .contains("list");
  }
}
