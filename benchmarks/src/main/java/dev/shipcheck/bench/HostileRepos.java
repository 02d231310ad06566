package dev.shipcheck.bench;

import dev.shipcheck.simulators.repos.SampleRepo;
import java.nio.file.Path;

/**
 * Writes one of {@link HostileCases} as a real git repository (jgit): {@code .circleci/config.yml},
 * {@code shipcheck.yml} and its other files committed on {@code main}. Used by {@code
 * bench/hostile-scan.sh}: {@code java -cp benchmarks.jar dev.shipcheck.bench.HostileRepos CASE
 * DIR}.
 */
public final class HostileRepos {
  private HostileRepos() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: HostileRepos CASE DIR");
    }
    HostileCases.Case c = HostileCases.of(args[0]);
    SampleRepo repo =
        SampleRepo.create()
            .file(".circleci/config.yml", c.config())
            .file("shipcheck.yml", c.policy())
            .file("README.md", "# hostile\n");
    for (String[] f : c.otherFiles()) {
      repo.file(f[0], f[1]);
    }
    repo.writeTo(Path.of(args[1]));
  }
}
