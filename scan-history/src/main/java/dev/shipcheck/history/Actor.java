package dev.shipcheck.history;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who ran a scan, for the audit log: the CI user and job when run by CircleCI, GitHub Actions or
 * GitLab CI, else the operating-system user. Only these named variables are read, never the rest of
 * the environment (which holds tokens).
 *
 * @param via {@code circleci}, {@code github-actions}, {@code gitlab-ci} or {@code os}
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
  public static final String GITHUB_ACTIONS = "github-actions";
  public static final String GITLAB_CI = "gitlab-ci";
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
    if (flag(env, "CIRCLECI")) {
      // CIRCLE_USERNAME is not set for GitHub App projects and some scheduled pipelines.
      Optional<String> repository =
          get(env, "CIRCLE_PROJECT_USERNAME")
              .flatMap(
                  owner -> get(env, "CIRCLE_PROJECT_REPONAME").map(repo -> owner + "/" + repo));
      return new Actor(
          get(env, "CIRCLE_USERNAME").orElse("unknown CircleCI user"),
          CIRCLECI,
          get(env, "CIRCLE_BUILD_URL"),
          get(env, "CIRCLE_JOB"),
          repository,
          get(env, "CIRCLE_BRANCH"),
          get(env, "CIRCLE_SHA1"));
    }
    if (flag(env, "GITHUB_ACTIONS")) {
      // GITHUB_TRIGGERING_ACTOR is who re-ran a workflow; GITHUB_ACTOR who started it first.
      Optional<String> url =
          get(env, "GITHUB_SERVER_URL")
              .flatMap(
                  server ->
                      get(env, "GITHUB_REPOSITORY")
                          .flatMap(
                              repo ->
                                  get(env, "GITHUB_RUN_ID")
                                      .map(id -> server + "/" + repo + "/actions/runs/" + id)));
      return new Actor(
          get(env, "GITHUB_TRIGGERING_ACTOR")
              .or(() -> get(env, "GITHUB_ACTOR"))
              .orElse("unknown GitHub Actions user"),
          GITHUB_ACTIONS,
          url,
          get(env, "GITHUB_JOB"),
          get(env, "GITHUB_REPOSITORY"),
          get(env, "GITHUB_REF_NAME"),
          get(env, "GITHUB_SHA"));
    }
    if (flag(env, "GITLAB_CI")) {
      return new Actor(
          get(env, "GITLAB_USER_LOGIN").orElse("unknown GitLab user"),
          GITLAB_CI,
          get(env, "CI_JOB_URL"),
          get(env, "CI_JOB_NAME"),
          get(env, "CI_PROJECT_PATH"),
          get(env, "CI_COMMIT_REF_NAME"),
          get(env, "CI_COMMIT_SHA"));
    }
    return new Actor(
        osUser.isBlank() ? "unknown" : osUser,
        OS,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** One line for reports: {@code alice (CircleCI job shipcheck)} or {@code bob}. */
  public String display() {
    String ci =
        switch (via) {
          case CIRCLECI -> "CircleCI";
          case GITHUB_ACTIONS -> "GitHub Actions";
          case GITLAB_CI -> "GitLab CI";
          default -> "";
        };
    return ci.isEmpty() ? name : name + " (" + ci + job.map(j -> " job " + j).orElse("") + ")";
  }

  private static boolean flag(Map<String, String> env, String key) {
    return "true".equalsIgnoreCase(env.getOrDefault(key, "").strip());
  }

  private static Optional<String> get(Map<String, String> env, String key) {
    return Optional.ofNullable(env.get(key)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
