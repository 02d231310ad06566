package dev.shipcheck.core.history;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who ran a scan, for the audit log: the CircleCI user and job when run by CircleCI, else the
 * operating-system user. Only these named variables are read, never the rest of the environment
 * (which holds tokens).
 *
 * @param via {@code circleci} or {@code os}
 */
public record Actor(
    String name,
    String via,
    Optional<String> buildUrl,
    Optional<String> job,
    Optional<String> repository,
    Optional<String> branch,
    Optional<String> commit) {

  public static final String CIRCLECI = "circleci";
  public static final String OS = "os";

  public Actor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(via, "via");
    buildUrl = buildUrl == null ? Optional.empty() : buildUrl;
    job = job == null ? Optional.empty() : job;
    repository = repository == null ? Optional.empty() : repository;
    branch = branch == null ? Optional.empty() : branch;
    commit = commit == null ? Optional.empty() : commit;
  }

  /**
   * Who is running this scan, from the environment.
   *
   * @param osUser the operating-system user, used outside CircleCI
   */
  public static Actor detect(Map<String, String> env, String osUser) {
    if (!"true".equalsIgnoreCase(env.getOrDefault("CIRCLECI", ""))) {
      return new Actor(
          osUser.isBlank() ? "unknown" : osUser,
          OS,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
    // CIRCLE_USERNAME is not set for GitHub App projects and some scheduled pipelines.
    String name = get(env, "CIRCLE_USERNAME").orElse("unknown CircleCI user");
    Optional<String> repository =
        get(env, "CIRCLE_PROJECT_USERNAME")
            .flatMap(owner -> get(env, "CIRCLE_PROJECT_REPONAME").map(repo -> owner + "/" + repo));
    return new Actor(
        name,
        CIRCLECI,
        get(env, "CIRCLE_BUILD_URL"),
        get(env, "CIRCLE_JOB"),
        repository,
        get(env, "CIRCLE_BRANCH"),
        get(env, "CIRCLE_SHA1"));
  }

  /** One line for reports: {@code alice (CircleCI job shipcheck)} or {@code bob}. */
  public String display() {
    if (!via.equals(CIRCLECI)) {
      return name;
    }
    return name + " (CircleCI" + job.map(j -> " job " + j).orElse("") + ")";
  }

  private static Optional<String> get(Map<String, String> env, String key) {
    return Optional.ofNullable(env.get(key)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
