package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository's Dockerfile, as far as it can be checked without a Docker engine (the real Docker
 * rules judge it in {@link SelfScanTest}; .ci/dockerfile-build-stage runs its build stage outside
 * Docker in CI): multi-stage, every base image an exact tag pinned by digest, the runtime stage
 * takes the release from the build stage, makes the AOT cache with its Java 25 and runs
 * unprivileged.
 */
class DockerfileTest {
  /** Instructions with continuation lines joined and comments dropped. */
  private static List<String> instructions() {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String raw : RepositoryRoot.read("Dockerfile").split("\n", -1)) {
      if (raw.strip().startsWith("#")) {
        continue;
      }
      if (raw.endsWith("\\")) {
        line.append(raw, 0, raw.length() - 1);
        continue;
      }
      line.append(raw);
      if (!line.toString().isBlank()) {
        out.add(line.toString().strip().replaceAll("\\s+", " "));
      }
      line.setLength(0);
    }
    return out;
  }

  @Test
  void everyBaseImageIsAnExactTagPinnedByDigest() {
    List<String> froms = instructions().stream().filter(i -> i.startsWith("FROM ")).toList();
    assertThat(froms).hasSize(2);
    for (String from : froms) {
      assertThat(from)
          .matches("FROM [a-z0-9./-]+:[0-9][A-Za-z0-9._-]*@sha256:[0-9a-f]{64}( AS build)?");
    }
    assertThat(froms.get(0)).startsWith("FROM maven:").endsWith(" AS build");
    assertThat(froms.get(1)).startsWith("FROM eclipse-temurin:25").contains("-jre");
  }

  @Test
  void runtimeStageTakesTheReleaseMakesTheAotCacheAndRunsUnprivileged() {
    List<String> all = instructions();
    int runtime =
        all.lastIndexOf(
            all.stream().filter(i -> i.startsWith("FROM ")).reduce((a, b) -> b).orElseThrow());
    List<String> build = all.subList(0, runtime);
    List<String> stage = all.subList(runtime, all.size());
    assertThat(build)
        .anyMatch(i -> i.startsWith("RUN ") && i.contains("-Pdist package -pl cli -am"));
    assertThat(stage).anyMatch(i -> i.equals("COPY --from=build /src/target/image /opt/shipcheck"));
    assertThat(stage)
        .anyMatch(
            i -> i.startsWith("RUN ") && i.contains("shipcheck --version") && i.contains(".aot"));
    assertThat(stage).anyMatch(i -> i.contains("git openssh-client"));
    List<String> users = stage.stream().filter(i -> i.startsWith("USER ")).toList();
    assertThat(users).containsExactly("USER 10001:10001");
    assertThat(stage.indexOf("USER 10001:10001"))
        .isGreaterThan(
            stage.indexOf(
                stage.stream()
                    .filter(i -> i.startsWith("RUN "))
                    .reduce((a, b) -> b)
                    .orElseThrow()));
    assertThat(stage).contains("ENTRYPOINT [\"shipcheck\"]");
    assertThat(RepositoryRoot.read(".dockerignore")).contains(".git\n", "**/target\n");
  }
}
