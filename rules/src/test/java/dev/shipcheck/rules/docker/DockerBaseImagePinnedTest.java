package dev.shipcheck.rules.docker;

import static dev.shipcheck.core.outcome.Outcome.FAIL;
import static dev.shipcheck.core.outcome.Outcome.NOT_APPLICABLE;
import static dev.shipcheck.core.outcome.Outcome.NOT_AVAILABLE;
import static dev.shipcheck.core.outcome.Outcome.PASS;

import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.rulekit.RepoFacts;
import dev.shipcheck.rulekit.RuleTester;
import org.junit.jupiter.api.Test;

class DockerBaseImagePinnedTest {
  private final RuleTester tester = RuleTester.forRule(DockerBaseImagePinned.class);

  private RuleTester.Run dockerfile(String text) {
    return tester.given(RepoFacts.files().file("Dockerfile", text).build());
  }

  @Test
  void passesWithTaggedImage() {
    dockerfile("FROM node:20.11-bookworm\n").expect(PASS).messageContains("1 FROM line");
  }

  private static final String SHA256 = "sha256:" + "0123456789abcdef".repeat(4);

  @Test
  void passesWithDigest() {
    dockerfile("FROM node@" + SHA256 + "\n").expect(PASS);
  }

  @Test
  void passesWithLatestTagAndDigestSinceTheDigestWins() {
    dockerfile("FROM node:latest@" + SHA256 + "\n").expect(PASS);
  }

  @Test
  void passesWithSha512AndAnotherAlgorithmTheOciSpecAllows() {
    dockerfile("FROM node@sha512:" + "ab".repeat(64) + "\n").expect(PASS);
    dockerfile("FROM node@multihash+base58:" + "AB12".repeat(8) + "\n").expect(PASS);
  }

  @Test
  void failsWithMalformedDigestNamingIt() {
    dockerfile("FROM node:latest@x\n")
        .expect(FAIL)
        .messageContains("'FROM node:latest@x' has a malformed digest: 'x' is not algorithm:hex")
        .locatedAt("Dockerfile", 1);
    dockerfile("FROM node:20@sha256:0123456789abcdef\n")
        .expect(FAIL)
        .messageContains("is not sha256: and 64 lowercase hex digits");
    dockerfile("FROM node@sha256:" + "0123456789ABCDEF".repeat(4) + "\n")
        .expect(FAIL)
        .messageContains("malformed digest");
    dockerfile("FROM node@a:b\n").expect(FAIL).messageContains("at least 32 hex digits");
    dockerfile("FROM node@\n").expect(FAIL).messageContains("malformed digest");
  }

  @Test
  void failsWithUntaggedImage() {
    dockerfile("FROM node\n")
        .expect(FAIL)
        .messageContains("'FROM node' has no tag or digest")
        .locatedAt("Dockerfile", 1);
  }

  @Test
  void failsWithLatestTag() {
    dockerfile("FROM x:latest\n").expect(FAIL).messageContains("uses the 'latest' tag");
  }

  @Test
  void passesWithRegistryPortAndTag() {
    dockerfile("FROM registry.acme.com:5000/team/base:1.2\n").expect(PASS);
  }

  @Test
  void failsWithRegistryPortButNoTag() {
    dockerfile("FROM registry.acme.com:5000/team/base\n").expect(FAIL);
  }

  @Test
  void ignoresEarlierStagesInMultiStageBuild() {
    dockerfile(
            """
        FROM golang:1.22 AS build
        RUN go build ./...
        FROM build AS test
        FROM gcr.io/distroless/static:nonroot
        COPY --from=build /app /app
        """)
        .expect(PASS)
        .messageContains("2 FROM lines");
  }

  @Test
  void failsOnlyTheUnpinnedStage() {
    dockerfile("FROM golang:1.22 AS build\nFROM alpine\n")
        .expect(FAIL)
        .messageContains("line 2 'FROM alpine'")
        .messageDoesNotContain("golang")
        .locatedAt("Dockerfile", 2);
  }

  @Test
  void substitutesArgDefaultsBeforeFrom() {
    dockerfile("ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}\n").expect(PASS);
  }

  @Test
  void failsWhenArgResolvesToUntagged() {
    dockerfile("ARG BASE=node\nFROM $BASE\n").expect(FAIL).messageContains("(node)");
  }

  @Test
  void failsWhenArgHasNoDefault() {
    dockerfile("ARG BASE\nFROM ${BASE}\n")
        .expect(FAIL)
        .messageContains("build argument with no default");
  }

  @Test
  void handlesPlatformFlagContinuationAndCase() {
    dockerfile("from --platform=$BUILDPLATFORM \\\n  node:20 \\\n  as build\n").expect(PASS);
  }

  @Test
  void scratchNeedsNoPin() {
    dockerfile("FROM golang:1.22 AS b\nFROM scratch\n").expect(PASS).messageContains("1 FROM line");
  }

  @Test
  void notApplicableWithoutDockerfile() {
    tester.given(RepoFacts.files().file("README.md", "x").build()).expect(NOT_APPLICABLE);
  }

  @Test
  void notApplicableForBinaryDockerfile() {
    tester.given(RepoFacts.files().binary("Dockerfile", 10).build()).expect(NOT_APPLICABLE);
  }

  @Test
  void notAvailableForDockerfileOverTheSizeLimit() {
    tester
        .given(RepoFacts.files().tooLarge("Dockerfile", 2_000_000).build())
        .expect(NOT_AVAILABLE)
        .messageContains("could not read 'Dockerfile'", "2000000 bytes");
  }

  @Test
  void notAvailableWhenFilesUnavailable() {
    tester.givenUnavailable(RepoFiles.class, "timeout").expect(NOT_AVAILABLE);
  }
}
