package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.repos.SampleRepo;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request that edits the policy file is named in summary.md's first lines and on the
 * console, with what the edit grants. Repositories are real (jgit): the base branch is the
 * committed {@code origin/main}, the pull request the working tree.
 */
class PolicyChangeScanTest {
  static final String BASE = "version: 1\nrules:\n  DockerBaseImagePinned: {severity: high}\n";
  static final String GRANTS =
      BASE
          + "  RollbackReady: {enabled: false}\n"
          + "waivers:\n"
          + "  - {rule: DockerBaseImagePinned, project: \"acme/*\", reason: \"migrating base images\","
          + " approvedBy: dev@acme.com, expires: 2099-12-31}\n";
  static final String SENTENCE =
      "This change edits the policy file shipcheck.yml: adds a waiver for DockerBaseImagePinned on"
          + " acme/*; disables RollbackReady.";

  @TempDir Path tmp;

  private Path repo(SampleRepo sample, String workingTreePolicy) throws Exception {
    Path repo = sample.writeTo(tmp.resolve("repo"));
    Files.writeString(repo.resolve("shipcheck.yml"), workingTreePolicy);
    return repo;
  }

  private CliRun scan(Path repo, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("scan", "--repo", repo.toString(), "--out", tmp.resolve("out").toString()));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  private List<String> summaryHead() throws Exception {
    List<String> lines = Files.readAllLines(tmp.resolve("out/summary.md"));
    return lines.subList(0, Math.min(5, lines.size()));
  }

  private JsonNode notes() throws Exception {
    return Json.mapper().readTree(tmp.resolve("out/shipcheck.json").toFile()).path("policyNotes");
  }

  @Test
  void aPullRequestGrantingItselfAWaiverIsNamedInTheSummarysFirstLines() throws Exception {
    Path repo = repo(SampleRepos.compliant().file("shipcheck.yml", BASE), GRANTS);
    CliRun run = scan(repo, "--policy", repo.resolve("shipcheck.yml").toString());
    assertThat(run.err()).contains("shipcheck: " + SENTENCE);
    assertThat(String.join("\n", summaryHead())).contains(SENTENCE.replace("*", "\\*"));
    JsonNode note = notes().get(0);
    assertThat(note.path("kind").asText()).isEqualTo("CHANGED");
    assertThat(note.path("file").asText()).isEqualTo("shipcheck.yml");
    assertThat(note.path("message").asText()).isEqualTo(SENTENCE);
  }

  @Test
  void theRepositorysPolicyIsNamedWhenTheScanAppliesTheBaseBranchCopy() throws Exception {
    Path repo = repo(SampleRepos.compliant().file("shipcheck.yml", BASE), GRANTS);
    // The safe pre-merge pattern: git show origin/main:shipcheck.yml > /tmp/policy.yml
    Path copy = Files.writeString(tmp.resolve("policy.yml"), BASE);
    CliRun run = scan(repo, "--policy", copy.toString());
    assertThat(run.err()).contains(SENTENCE).doesNotContain("not trusted");
    assertThat(String.join("\n", summaryHead())).contains("disables RollbackReady");
  }

  @Test
  void aPolicyFileTheBaseBranchLacksIsComparedWithTheBuiltInDefault() throws Exception {
    Path repo = repo(SampleRepos.compliant(), GRANTS);
    CliRun run = scan(repo);
    assertThat(run.err())
        .contains(
            "This change adds the policy file shipcheck.yml: adds a waiver for"
                + " DockerBaseImagePinned on acme/*; disables RollbackReady; raises"
                + " DockerBaseImagePinned to high (was low).");
  }

  @Test
  void nothingIsSaidWithoutABaseBranchOrWithoutAnEdit() throws Exception {
    Path noOrigin = repo(SampleRepo.create().file("shipcheck.yml", BASE), GRANTS);
    assertThat(scan(noOrigin).err()).doesNotContain("This change");
    assertThat(notes()).isEmpty();
    TrainCommand.deleteTree(noOrigin);

    Path unchanged = repo(SampleRepos.compliant().file("shipcheck.yml", BASE), BASE);
    assertThat(scan(unchanged, "--policy", unchanged.resolve("shipcheck.yml").toString()).err())
        .doesNotContain("This change");
    TrainCommand.deleteTree(unchanged);

    Path comments = repo(SampleRepos.compliant().file("shipcheck.yml", BASE), "# ours\n" + BASE);
    assertThat(scan(comments).err())
        .contains("edits the policy file shipcheck.yml: no change to what it applies");
  }

  @Test
  void baseRefNamesTheBranchToCompareWith() throws Exception {
    Path repo = repo(SampleRepos.compliant().file("shipcheck.yml", BASE), GRANTS);
    assertThat(scan(repo, "--base-ref", "main").err()).contains(SENTENCE);
    CliRun missing = scan(repo, "--base-ref", "origin/develop");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err())
        .contains(
            "scan: --base-ref origin/develop: no such branch or commit in the scanned repository");
  }

  @Test
  void aHostileNameInTheEditCannotStartALineOfItsOwn() throws Exception {
    String hostile =
        BASE
            + "waivers:\n"
            + "  - {rule: DockerBaseImagePinned, project: \"acme/*\\nResult: compliant \\u202e\","
            + " reason: \"migrating base images\", approvedBy: dev@acme.com, expires: 2099-12-31}\n";
    Path repo = repo(SampleRepos.compliant().file("shipcheck.yml", BASE), hostile);
    CliRun run = scan(repo);
    assertThat(run.err().lines().filter(l -> l.startsWith("Result:"))).isEmpty();
    assertThat(run.err())
        .contains("acme/*\\u000AResult: compliant \\u202E")
        .doesNotContain("\u202e");
    assertThat(Files.readString(tmp.resolve("out/summary.md"))).doesNotContain("\u202e");
  }
}
