package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.Objects;
import java.util.Optional;

/**
 * The project's CircleCI configuration as CircleCI would read it, derived from the repository
 * files: missing, unreadable, not YAML, or parsed into a {@link CircleCiPipeline}.
 *
 * @param path the config's path as spelled in the repository
 * @param ref where it was read: {@code working tree} or a branch
 * @param rollbackPipeline whether {@code .circleci/rollback.yml} exists
 */
@FactInfo(
    name = "circleci.config",
    description = "the .circleci/config.yml model: orbs, jobs, workflows, filters, requires")
public record CircleCiConfig(
    String path, String ref, ConfigState state, RepoFiles.Presence rollbackPipeline)
    implements Fact {

  /** Where CircleCI reads a project's configuration. */
  public static final String PATH = ".circleci/config.yml";

  /** The rollback pipeline RollbackReady accepts in place of deploy markers. */
  public static final String ROLLBACK_PATH = ".circleci/rollback.yml";

  public CircleCiConfig {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(rollbackPipeline, "rollbackPipeline");
  }

  /** The parsed pipeline when the config is usable at all. */
  public Optional<CircleCiPipeline> pipeline() {
    return state instanceof ConfigState.Parsed p ? Optional.of(p.pipeline()) : Optional.empty();
  }

  /**
   * Why rules that judge the pipeline cannot: no config, unreadable, not YAML, or a version
   * CircleCI does not run. Empty when the pipeline can be judged.
   */
  public Optional<String> unusable() {
    if (state instanceof ConfigState.Missing m) {
      return Optional.of(
          m.presence() == RepoFiles.Presence.UNKNOWN
              ? "whether " + path + " exists could not be told from the files listed"
              : "there is no " + path);
    }
    if (state instanceof ConfigState.Unreadable u) {
      return Optional.of(path + " cannot be read: " + u.problem());
    }
    if (state instanceof ConfigState.NotYaml n) {
      return Optional.of(
          path
              + (n.position().line() > 0
                  ? " line " + n.position().line() + ", column " + n.position().column()
                  : "")
              + ": "
              + n.problem());
    }
    return pipeline().flatMap(CircleCiPipeline::blocker).map(b -> path + " is not usable: " + b);
  }
}
