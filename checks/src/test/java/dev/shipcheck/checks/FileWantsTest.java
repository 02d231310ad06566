package dev.shipcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.Glob;
import dev.shipcheck.core.engine.FactPlan;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.facts.circleci.CircleCiConfig;
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
  void theSelectedChecksPathsAndGlobsAreCollectedBesideTheDeriversFiles() throws Exception {
    LoadedPolicy loaded = PolicyLoader.parse("p.yml", POLICY);
    FileWants wants =
        FactPlan.files(loaded.policy(), DeclarativeChecks.rules(loaded).subList(0, 2));
    assertThat(wants.paths())
        .containsExactly("CODEOWNERS")
        .as("no selected rule reads the Dockerfile or the CircleCI config, so neither is read")
        .doesNotContain("never/*.txt", "Dockerfile", CircleCiConfig.PATH);
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
        FactPlan.files(loaded.policy(), List.of(DeclarativeChecks.rules(loaded).get(2)));
    assertThat(wants.globs()).extracting(Glob::pattern).contains("never/*.txt");
    assertThat(FactPlan.files(loaded.policy(), List.of()).paths()).isEmpty();
    assertThat(FileWants.forPolicy(loaded.policy()).paths())
        .contains("Dockerfile", CircleCiConfig.PATH, CircleCiConfig.ROLLBACK_PATH)
        .doesNotContain("CODEOWNERS");
  }
}
