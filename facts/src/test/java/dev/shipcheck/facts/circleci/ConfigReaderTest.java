package dev.shipcheck.facts.circleci;

import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.entry;
import static dev.shipcheck.facts.circleci.CircleCiTestConfigs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.yaml.Position;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

  @Test
  void readsOrbsInEveryReferenceForm() {
    CircleCiPipeline p =
        parse(
            "version: 2.1\n"
                + "parameters:\n  orbver: {type: string, default: \"5.1.0\"}\n"
                + "orbs:\n"
                + "  node: circleci/node@5.1.0\n"
                + "  aws-cli: circleci/aws-cli@5\n"
                + "  helm: circleci/helm@3.2\n"
                + "  slack: circleci/slack@volatile\n"
                + "  dev: myns/myorb@dev:my-branch\n"
                + "  paramd: myns/xy@<< pipeline.parameters.orbver >>\n"
                + "  url: https://example.com/orb.yml\n"
                + "  inline:\n    jobs:\n      hello: {docker: [{image: x}], steps: [{run: make test}]}\n"
                + "  bad: not an orb\n");
    assertThat(p.version()).contains("2.1");
    assertThat(pin(p, "node")).isEqualTo(new OrbPin.Exact("5.1.0", new SemVer(5, 1, 0)));
    assertThat(pin(p, "aws-cli")).isEqualTo(new OrbPin.Floating("5", 5, Optional.empty()));
    assertThat(pin(p, "helm")).isEqualTo(new OrbPin.Floating("3.2", 3, Optional.of(2)));
    assertThat(pin(p, "slack")).isInstanceOf(OrbPin.Volatile.class);
    assertThat(pin(p, "dev")).isEqualTo(new OrbPin.Dev("dev:my-branch", "my-branch"));
    assertThat(pin(p, "paramd").effective())
        .contains(new OrbPin.Exact("5.1.0", new SemVer(5, 1, 0)));
    assertThat(p.orb("url").orElseThrow().source()).isInstanceOf(OrbSource.Url.class);
    OrbSource.Inline inline = (OrbSource.Inline) p.orb("inline").orElseThrow().source();
    assertThat(inline.jobs().get("hello").runCommands()).containsExactly("make test");
    assertThat(p.orb("bad").orElseThrow().source()).isInstanceOf(OrbSource.Invalid.class);
    assertThat(p.problems()).anyMatch(x -> x.message().contains("'bad'"));
    assertThat(p.orb("helm").orElseThrow().position()).isEqualTo(new Position(7, 9));
    assertThat(p.orbsNamed("CircleCI/Node")).hasSize(1);
  }

  @Test
  void versionTwoPointOneAsNumberAndAsStringAndLegacyTwoPointZero() {
    assertThat(parse("version: 2.1\n").supportedVersion()).isTrue();
    assertThat(parse("version: \"2.1\"\n").supportedVersion()).isTrue();
    assertThat(parse("version: 2.0\n").supportedVersion()).isTrue();
    assertThat(parse("version: 3\n").blocker()).get().asString().contains("'3'");
    assertThat(parse("jobs: {}\n").blocker()).get().asString().contains("no 'version'");
  }

  @Test
  void expandsCommandsAndKeepsStepNamesAndRunText() {
    CircleCiPipeline p =
        parse(
            "version: 2.1\ncommands:\n"
                + "  mark: {steps: [{run: {command: circleci run release log --environment-name=prod}}]}\n"
                + "  loop: {steps: [loop, mark]}\n"
                + "jobs:\n  deploy:\n    docker: [{image: x}]\n    steps:\n      - checkout\n"
                + "      - loop\n      - when: {condition: true, steps: [store_test_results]}\n"
                + "      - deploy/ship: {to: prod}\n      - run: ./deploy.sh\n");
    JobDef d = p.jobs().get("deploy");
    assertThat(d.steps())
        .contains("checkout", "loop", "mark", "run", "store_test_results", "deploy/ship");
    assertThat(d.runCommands())
        .containsExactly("circleci run release log --environment-name=prod", "./deploy.sh");
    assertThat(d.position()).isEqualTo(new Position(6, 3));
  }

  @Test
  void readsEntriesWithNamesRequiresFormsContextsAndPositions() {
    CircleCiPipeline p =
        parse(
            "version: 2.1\nworkflows:\n  version: 2\n  ship:\n    jobs:\n"
                + "      - build\n"
                + "      - hold:\n          type: approval\n          requires: [build]\n"
                + "      - aws/deploy:\n          name: deploy-prod\n          env: production\n"
                + "          context: [prod-secrets, org-global]\n"
                + "          requires: [hold, {build: [success, failed]}, {lint: terminal}]\n");
    assertThat(p.workflows()).extracting(Workflow::name).containsExactly("ship");
    JobEntry deploy = entry(p, "deploy-prod");
    assertThat(deploy.job()).isEqualTo("aws/deploy");
    assertThat(deploy.orbAlias()).contains("aws");
    assertThat(deploy.contexts()).containsExactly("prod-secrets", "org-global");
    assertThat(deploy.parameters()).containsEntry("env", "production");
    assertThat(deploy.requires())
        .containsExactly(
            new Requirement("hold", java.util.List.of("success")),
            new Requirement("build", java.util.List.of("success", "failed")),
            new Requirement("lint", java.util.List.of("terminal")));
    assertThat(deploy.position()).isEqualTo(new Position(10, 9));
    assertThat(entry(p, "hold").isApproval()).isTrue();
    assertThat(p.workflows().get(0).position()).isEqualTo(new Position(4, 3));
  }

  @Test
  void anchorsAndMergeKeysAreResolved() {
    CircleCiPipeline p =
        parse(
            "version: 2\n"
                + "prod_only: &prod_only\n  filters:\n    branches:\n      only: production\n"
                + "defaults: &defaults\n  docker: [{image: x}]\n  steps: [checkout]\n"
                + "jobs:\n  deploy:\n    <<: *defaults\n  build: *defaults\n"
                + "workflows:\n  version: 2\n  main:\n    jobs:\n      - build\n"
                + "      - hold:\n          type: approval\n          <<: *prod_only\n"
                + "      - deploy:\n          <<: *prod_only\n          requires: [hold]\n");
    assertThat(p.jobs()).containsKeys("deploy", "build");
    assertThat(p.jobs().get("deploy").steps()).contains("checkout");
    assertThat(CircleCiTestConfigs.runs(p, "deploy", "production")).isEqualTo(Tri.YES);
    assertThat(CircleCiTestConfigs.runs(p, "deploy", "qa")).isEqualTo(Tri.NO);
  }

  @Test
  void misindentedMergeKeyBesideTheJobDoesNotApplyToIt() {
    CircleCiPipeline p =
        parse(
            "version: 2.1\nx: &only\n  filters: {branches: {only: source}}\n"
                + "workflows:\n  w:\n    jobs:\n      - build:\n        <<: *only\n");
    assertThat(entry(p, "build").filter()).isInstanceOf(Filter.None.class);
    assertThat(p.problems()).anyMatch(x -> x.message().contains("sibling keys [filters]"));
  }

  @Test
  void configWithoutWorkflowsRunsItsBuildJobImplicitly() {
    CircleCiPipeline p =
        parse("version: 2\njobs:\n  build:\n    docker: [{image: x}]\n    steps: [checkout]\n");
    assertThat(p.workflows()).hasSize(1);
    assertThat(p.workflows().get(0).implicit()).isTrue();
    assertThat(p.jobsRunningOn("production")).hasSize(1);
  }

  @Test
  void workflowsWithOnlyTheVersionKeyHaveNoWorkflow() {
    assertThat(parse("version: 2\nworkflows:\n  version: 2\n").workflows()).isEmpty();
  }

  @Test
  void badFilterExpressionIsAProblemAndMayRun() {
    CircleCiPipeline p =
        parse("version: 2.1\nworkflows:\n  w:\n    jobs:\n      - a: {filters: \"branch ==\"}\n");
    assertThat(p.problems()).anyMatch(x -> x.position().line() == 5);
    assertThat(CircleCiTestConfigs.runs(p, "a", "main")).isEqualTo(Tri.MAYBE);
  }

  private static OrbPin pin(CircleCiPipeline p, String alias) {
    return ((OrbSource.Registry) p.orb(alias).orElseThrow().source()).pin();
  }
}
