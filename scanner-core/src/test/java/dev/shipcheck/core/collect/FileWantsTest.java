package dev.shipcheck.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.check.DeclarativeChecks;
import dev.shipcheck.core.fact.repo.Glob;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileWantsTest {
  static final String POLICY =
      """
      version: 1
      rules: {Disabled: {enabled: false}}
      checks:
        - {id: Owners, kind: file-exists, title: Owners, clause: X-1, severity: low,
           remediation: r, paths: [CODEOWNERS, "docs/*.md"]}
        - {id: Keys, kind: file-content, title: Keys, clause: X-1, severity: low,
           remediation: r, paths: ["config/**/*.yml"], doesNotMatch: "AKIA"}
        - {id: Disabled, kind: file-content, title: Never, clause: X-1, severity: low,
           remediation: r, paths: ["never/*.txt"], matches: "x"}
      """;

  @Test
  void theEnabledChecksPathsAndGlobsAreCollected() throws Exception {
    LoadedPolicy loaded = PolicyLoader.parse("p.yml", POLICY);
    FileWants wants = FileWants.forPolicy(loaded.policy());
    assertThat(wants.paths())
        .contains("Dockerfile", FileWants.CIRCLECI_CONFIG, "CODEOWNERS")
        .doesNotContain("never/*.txt");
    assertThat(wants.globs())
        .extracting(Glob::pattern)
        .containsExactly("docs/*.md", "config/**/*.yml");
    assertThat(wants.globMatches("config/prod/app.YML")).isTrue();
    assertThat(wants.globMatches("never/a.txt")).isFalse();
  }

  @Test
  void selectedRulesAddTheFilesTheyDeclare() throws Exception {
    LoadedPolicy loaded = PolicyLoader.parse("p.yml", POLICY);
    FileWants wants =
        FileWants.forScan(loaded.policy(), List.of(DeclarativeChecks.rules(loaded).get(2)));
    assertThat(wants.globs()).extracting(Glob::pattern).contains("never/*.txt");
    assertThat(FileWants.forScan(loaded.policy(), List.of()).paths())
        .containsExactlyElementsOf(FileWants.forPolicy(loaded.policy()).paths());
  }
}
