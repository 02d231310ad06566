package dev.shipcheck.bench;

import java.util.List;

/**
 * The hostile inputs of issue 15, as the files a repository holds: a {@code .circleci/config.yml},
 * a policy, and other files. Shared by {@link HostileConfigBenchmark} (in process) and {@link
 * HostileRepos} (real git repositories for whole-process runs).
 */
public final class HostileCases {
  private HostileCases() {}

  /** The pattern that backtracks exponentially in {@code java.util.regex}. */
  public static final String CATASTROPHIC = "((((.*)*)*)*)*Z";

  /** One case: its files and the policy to scan with. */
  public record Case(String name, String config, String policy, List<String[]> otherFiles) {}

  static final String POLICY =
      "version: 1\nbranches: {production: [main]}\ncircleci: {deploymentOrb: acme/deploy}\n";

  private static final String JOBS =
      "version: 2.1\njobs:\n"
          + "  build: {docker: [{image: cimg/base:2024.01}], steps: [checkout, {run: make}]}\n"
          + "  deploy: {docker: [{image: cimg/base:2024.01}], steps: [checkout, {run: ./deploy.sh}]}\n";

  /** A job name long enough for a backtracking matcher to take forever on. */
  static final String LONG_NAME = "deploy-" + "a".repeat(40);

  /** The case of a name: see {@link #names()}; {@code plain} is a small config, the baseline. */
  public static Case of(String name) {
    return switch (name) {
      case "plain" ->
          new Case(
              name,
              JOBS + "workflows:\n  w:\n    jobs: [build, {deploy: {requires: [build]}}]\n",
              POLICY,
              List.of());
      case "filter" ->
          new Case(
              name,
              JOBS
                  + "workflows:\n  w:\n    jobs:\n      - build\n      - deploy:\n"
                  + "          requires: [build]\n"
                  + "          filters: {branches: {only: ['/"
                  + CATASTROPHIC
                  + "/']}}\n",
              POLICY,
              List.of());
      case "expression" ->
          new Case(
              name,
              JOBS
                  + "workflows:\n  w:\n    jobs:\n      - build\n      - deploy:\n"
                  + "          requires: [build]\n"
                  + "          filters: pipeline.git.branch matches /"
                  + CATASTROPHIC
                  + "/\n",
              POLICY,
              List.of());
      case "when" ->
          new Case(
              name,
              JOBS
                  + "workflows:\n  w:\n    when:\n      matches: {pattern: \""
                  + CATASTROPHIC
                  + "\", value: << pipeline.git.branch >>}\n"
                  + "    jobs: [build, {deploy: {requires: [build]}}]\n",
              POLICY,
              List.of());
      case "deploy-pattern" ->
          new Case(
              name,
              JOBS
                  + "workflows:\n  w:\n    jobs:\n      - build\n      - deploy: {name: "
                  + LONG_NAME
                  + ", requires: [build]}\n",
              POLICY.replace(
                  "circleci: {deploymentOrb: acme/deploy}",
                  "circleci: {deploymentOrb: acme/deploy, deployJobPattern: \""
                      + CATASTROPHIC
                      + "\"}"),
              List.of());
      case "file-content" ->
          new Case(
              name,
              JOBS + "workflows:\n  w:\n    jobs: [build, {deploy: {requires: [build]}}]\n",
              POLICY
                  + "clauses:\n  - {id: X-1, document: Bench, section: \"1\", text: \"No Z.\"}\n"
                  + "checks:\n  - id: NoZ\n    kind: file-content\n    title: No Z\n"
                  + "    clause: X-1\n    severity: low\n    paths: [\"docs/*.txt\"]\n"
                  + "    doesNotMatch: \""
                  + CATASTROPHIC
                  + "\"\n    remediation: Remove it.\n",
              List.<String[]>of(new String[] {"docs/big.txt", "a".repeat(1_000_000)}));
      default -> {
        if (name.startsWith("requires-")) {
          yield new Case(name, wideDeploy(Integer.parseInt(name.substring(9))), POLICY, List.of());
        }
        if (name.startsWith("aliased-")) {
          yield new Case(
              name, aliasedDeploys(Integer.parseInt(name.substring(8))), POLICY, List.of());
        }
        throw new IllegalArgumentException("no case " + name);
      }
    };
  }

  /** The cases benchmarked by name. */
  public static List<String> names() {
    return List.of(
        "plain",
        "filter",
        "expression",
        "when",
        "deploy-pattern",
        "file-content",
        "requires-10000");
  }

  /**
   * A deploy job that requires {@code n} build invocations and an approval: the shape of the
   * issue's quadratic case. At about 45 bytes a job, 20,000 fill the 1 MiB a config may have.
   */
  public static String wideDeploy(int n) {
    StringBuilder sb = new StringBuilder(JOBS).append("workflows:\n  w:\n    jobs:\n");
    for (int i = 0; i < n; i++) {
      sb.append("      - build: {name: j").append(i).append("}\n");
    }
    sb.append("      - hold: {type: approval, requires: [j0]}\n");
    sb.append("      - deploy:\n          requires:\n            - hold\n");
    for (int i = 0; i < n; i++) {
      sb.append("            - j").append(i).append('\n');
    }
    return sb.toString();
  }

  /**
   * {@code n} jobs and 50 deploy jobs that each require all of them through one YAML alias: a small
   * file with {@code 50 n} requires edges.
   */
  public static String aliasedDeploys(int n) {
    StringBuilder sb = new StringBuilder(JOBS).append("workflows:\n  w:\n    jobs:\n");
    for (int i = 0; i < n; i++) {
      sb.append("      - build: {name: j").append(i).append("}\n");
    }
    sb.append("      - hold: {type: approval, requires: &all [");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ", ").append('j').append(i);
    }
    sb.append("]}\n");
    for (int d = 0; d < 50; d++) {
      sb.append("      - deploy: {name: deploy-").append(d).append(", requires: *all}\n");
    }
    return sb.toString();
  }
}
