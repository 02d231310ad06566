package dev.shipcheck.rules.docker;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class DockerImageDefinedTest {
  private final RuleTester tester = RuleTester.forRule(DockerImageDefined.class);

  @Test
  void passesWithDockerfileAtRoot() {
    tester
        .given(RepoFacts.files().file("Dockerfile", "FROM node:20\nRUN npm ci\n").build())
        .expect(PASS)
        .messageContains("'Dockerfile'", "node:20")
        .locatedAt("Dockerfile", 1);
  }

  @Test
  void passesWithLowercaseDockerfileUnderDockerDirectory() {
    tester
        .given(RepoFacts.files().file("docker/dockerfile", "# base\n\nfrom alpine:3.20\n").build())
        .expect(PASS)
        .messageContains("docker/dockerfile")
        .locatedAt("docker/dockerfile", 3);
  }

  @Test
  void failsWithoutDockerfile() {
    tester
        .given(RepoFacts.files().file("README.md", "hello").build())
        .expect(FAIL)
        .messageContains("no Dockerfile", "Dockerfile, Containerfile, docker/Dockerfile");
  }

  @Test
  void failsWhenDockerfileHasNoFrom() {
    tester
        .given(RepoFacts.files().file("Dockerfile", "# FROM node\nRUN echo hi\n").build())
        .expect(FAIL)
        .messageContains("no FROM instruction");
  }

  @Test
  void failsWhenDockerfileIsBinary() {
    tester
        .given(RepoFacts.files().binary("Dockerfile", 4096).build())
        .expect(FAIL)
        .messageContains("not a Dockerfile", "binary");
  }

  @Test
  void notAvailableWhenDockerfileTooLargeToRead() {
    tester
        .given(RepoFacts.files().tooLarge("Dockerfile", 50L * 1024 * 1024).build())
        .expect(NOT_AVAILABLE)
        .messageContains("52428800 bytes");
  }

  @Test
  void followsThePolicyPaths() {
    tester
        .withPolicy("version: 1\ndocker: {paths: [build/Containerfile]}\n")
        .given(RepoFacts.files().file("Dockerfile", "FROM node:20\n").build())
        .expect(FAIL)
        .messageContains("build/Containerfile");
  }

  @Test
  void notAvailableWhenRemoteListingCannotTell() {
    tester
        .given(RepoFacts.partialFiles("main", "").file("README.md", "x").build())
        .expect(NOT_AVAILABLE)
        .messageContains("could not tell");
  }

  @Test
  void notAvailableWhenRepositoryFilesUnavailable() {
    tester
        .givenUnavailable(RepoFiles.class, "HTTP 403 from GitHub")
        .expect(NOT_AVAILABLE)
        .messageContains("HTTP 403 from GitHub");
  }

  @Test
  void notRunWhenSourceNotConfigured() {
    tester
        .givenNotConfigured(RepoFiles.class, "set GITHUB_TOKEN")
        .expect(dev.shipcheck.core.outcome.Outcome.NOT_RUN)
        .remediationContains("set GITHUB_TOKEN");
  }
}
