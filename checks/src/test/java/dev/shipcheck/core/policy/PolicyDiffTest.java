package dev.shipcheck.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyDiffTest {
  private static final Map<String, Severity> DEFAULTS =
      Map.of("RollbackReady", Severity.MEDIUM, "DockerBaseImagePinned", Severity.HIGH);

  private static final String WAIVER =
      "  - {rule: DockerBaseImagePinned, project: \"acme/*\", reason: legacy base image, approvedBy: a@acme.com,"
          + " expires: %s}\n";

  private static List<String> diff(String base, String head) throws PolicyException {
    return PolicyDiff.between(
        PolicyLoader.parse("base.yml", "version: 1\n" + base).policy(),
        PolicyLoader.parse("head.yml", "version: 1\n" + head).policy(),
        id -> Optional.ofNullable(DEFAULTS.get(id)));
  }

  @Test
  void namesAnAddedWaiverAndADisabledRuleInThatOrder() throws Exception {
    assertThat(
            diff(
                "",
                "rules:\n  RollbackReady: {enabled: false}\nwaivers:\n"
                    + WAIVER.formatted("2027-01-31")))
        .containsExactly(
            "adds a waiver for DockerBaseImagePinned on acme/*", "disables RollbackReady");
  }

  @Test
  void anExtendedWaiverSaysFromWhenToWhen() throws Exception {
    assertThat(
            diff(
                "waivers:\n" + WAIVER.formatted("2027-01-31"),
                "waivers:\n" + WAIVER.formatted("2099-12-31")))
        .containsExactly(
            "extends the waiver for DockerBaseImagePinned on acme/* to 2099-12-31 (was 2027-01-31)");
  }

  @Test
  void aLowerSeverityCountsAgainstTheRulesDefaultWhenTheBaseSetNone() throws Exception {
    assertThat(diff("", "rules:\n  DockerBaseImagePinned: {severity: low}\n"))
        .containsExactly("lowers DockerBaseImagePinned to low (was high)");
    assertThat(diff("rules:\n  RollbackReady: {severity: low}\n", ""))
        .containsExactly("raises RollbackReady to medium (was low)");
    assertThat(diff("", "rules:\n  RollbackReady: {severity: medium}\n"))
        .as("the default written out is no change")
        .isEmpty();
  }

  @Test
  void removedChecksShorterRequireAndRenamedBranchesAreGrants() throws Exception {
    String check =
        "checks:\n  - {id: OwnersNamed, kind: file-exists, title: Owners are named,"
            + " clause: DEPLOY-6.2, severity: low, paths: [CODEOWNERS], remediation: Add one.}\n";
    assertThat(
            diff(
                check + "require: [github, aws]\n",
                "require: [github]\nbranches: {production: [main]}\n"))
        .containsExactly(
            "removes check OwnersNamed",
            "no longer requires source aws",
            "changes the production branch names to main (was production)");
  }

  @Test
  void otherSettingsAreNamedByTheirKeyWithShortValues() throws Exception {
    assertThat(
            diff(
                "",
                "github: {protection: {requiredApprovals: 0}}\n"
                    + "circleci: {deployJobPattern: \"nothing-matches-this\"}\n"
                    + "plugins: [tools/rules]\n"))
        .containsExactly(
            "changes circleci.deployJobPattern from (?i)deploy|release|publish to"
                + " nothing-matches-this",
            "changes github.protection.requiredApprovals from 1 to 0",
            "changes plugins");
  }

  @Test
  void tighteningsComeAfterGrants() throws Exception {
    assertThat(
            diff(
                "rules:\n  RollbackReady: {enabled: false}\nwaivers:\n"
                    + WAIVER.formatted("2027-01-31"),
                "rules:\n  DockerBaseImagePinned: {enabled: false}\n"))
        .containsExactly(
            "disables DockerBaseImagePinned",
            "removes the waiver for DockerBaseImagePinned on acme/*",
            "enables RollbackReady");
  }

  @Test
  void layoutAndCommentsAreNoChange() throws Exception {
    assertThat(diff("# ours\nrequire: [github]\n", "require:\n  - github   # still\n")).isEmpty();
  }
}
