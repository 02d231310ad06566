package dev.shipcheck.simulators.github;

import dev.shipcheck.simulators.github.SimRepo.Access;
import dev.shipcheck.simulators.github.SimRepo.SimBypass;
import dev.shipcheck.simulators.github.SimRepo.SimClassicRule;
import dev.shipcheck.simulators.github.SimRepo.SimRule;
import dev.shipcheck.simulators.github.SimRepo.SimRuleset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the simulated organisation {@code acme}: a realistic mix of protection set-ups (classic
 * rules, repository and organisation rulesets, evaluate mode, bypass actors, repositories whose
 * protection the token may not read, plan limits), file layouts (Dockerfiles, CircleCI configs, one
 * too large for GraphQL's blob text), branches, archived repositories and forks. The same size and
 * seed always give the same organisation; each repository records the scenario it was built for, so
 * tests can state the expected outcome per scenario.
 */
public final class SyntheticOrg {
  public static final String ORG = "acme";

  /** How the production branch is (or is not) protected. */
  public enum Protection {
    CLASSIC_FULL,
    REPO_RULESET,
    ORG_RULESET_ONLY,
    DEFAULT_BRANCH_RULESET,
    EVALUATE_ONLY,
    BYPASS_ACTOR,
    CLASSIC_ADMIN_BYPASS,
    CLASSIC_WEAK,
    UNPROTECTED,
    NO_ACCESS,
    PLAN_LIMITED,
    BRANCH_MISSING,
    CASE_VARIANT_BRANCH,
    MANY_BRANCHES,
    ARCHIVED,
    FORK
  }

  /** What Docker and CircleCI files the repository has. */
  public enum Files {
    PINNED_DOCKERFILE,
    UNPINNED_DOCKERFILE,
    NO_DOCKERFILE,
    NESTED_DOCKERFILE,
    LOWERCASE_DOCKERFILE,
    LARGE_CIRCLECI_CONFIG
  }

  /** Which scenarios an organisation has. */
  public enum Mix {
    /** Every scenario, weighted like a real organisation. */
    REALISTIC,
    /** Only repositories that pass every rule (for exit-code tests). */
    COMPLIANT
  }

  /** Size of the CircleCI config of {@link Files#LARGE_CIRCLECI_CONFIG}, beyond GraphQL's text. */
  public static final int LARGE_CONFIG_BYTES = 150_000;

  /** How many in a hundred repositories have each protection set-up. */
  static int weight(Protection p) {
    return switch (p) {
      case CLASSIC_FULL -> 25;
      case REPO_RULESET, UNPROTECTED -> 10;
      case ORG_RULESET_ONLY, CLASSIC_WEAK -> 8;
      case ARCHIVED -> 6;
      case EVALUATE_ONLY, BYPASS_ACTOR -> 5;
      case DEFAULT_BRANCH_RULESET, NO_ACCESS -> 4;
      case CLASSIC_ADMIN_BYPASS, BRANCH_MISSING, FORK -> 3;
      case PLAN_LIMITED, CASE_VARIANT_BRANCH, MANY_BRANCHES -> 2;
    };
  }

  private SyntheticOrg() {}

  public static SimOrg generate(int size, long seed, Mix mix) {
    List<Protection> deck = deck(mix);
    Random random = new Random(seed);
    List<SimRepo> repos = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Protection p = deck.get(i % deck.size());
      Files f = mix == Mix.COMPLIANT ? Files.PINNED_DOCKERFILE : files(i);
      repos.add(repo(i, p, f, random));
    }
    return new SimOrg(ORG, repos, orgRulesets());
  }

  /**
   * The common layouts in turn; the rare ones (a lower-case {@code dockerfile}, a config too large
   * for GraphQL) once in every hundred repositories, the first of each early so small organisations
   * have them.
   */
  static Files files(int i) {
    if (i % 100 == 7) {
      return Files.LARGE_CIRCLECI_CONFIG;
    }
    if (i % 100 == 12) {
      return Files.LOWERCASE_DOCKERFILE;
    }
    return Files.values()[i % 4];
  }

  /** Every scenario once first (so a small organisation has them all), then by weight. */
  static List<Protection> deck(Mix mix) {
    if (mix == Mix.COMPLIANT) {
      return List.of(Protection.CLASSIC_FULL, Protection.REPO_RULESET, Protection.ORG_RULESET_ONLY);
    }
    List<Protection> deck = new ArrayList<>(List.of(Protection.values()));
    for (Protection p : Protection.values()) {
      for (int w = 1; w < weight(p); w++) {
        deck.add(p);
      }
    }
    return deck;
  }

  /** The repository name prefix: organisation rulesets target repositories by name. */
  static String prefix(Protection p) {
    return switch (p) {
      case ORG_RULESET_ONLY -> "platform";
      case DEFAULT_BRANCH_RULESET -> "trunk";
      case ARCHIVED -> "legacy";
      case FORK -> "fork";
      default -> "svc";
    };
  }

  private static SimRepo repo(int i, Protection p, Files f, Random random) {
    String name = String.format("%s-%05d", prefix(p), i);
    String defaultBranch = p == Protection.DEFAULT_BRANCH_RULESET ? "production" : "main";
    String production = p == Protection.CASE_VARIANT_BRANCH ? "Production" : "production";
    List<String> branches = new ArrayList<>(List.of(defaultBranch, "qa", "staging"));
    if (p != Protection.BRANCH_MISSING && !branches.contains(production)) {
      branches.add(production);
    }
    int features = p == Protection.MANY_BRANCHES ? 150 : random.nextInt(8);
    for (int b = 0; b < features; b++) {
      branches.add("feature/" + name + "-" + b);
    }
    Map<String, Map<String, String>> trees = new HashMap<>();
    trees.put(defaultBranch, files(f, name, false));
    if (branches.contains(production) && !production.equals(defaultBranch)) {
      trees.put(production, files(f, name, true));
    }
    Access access =
        switch (p) {
          case NO_ACCESS -> Access.NO_ACCESS;
          case PLAN_LIMITED -> Access.PLAN_LIMITED;
          default -> Access.ADMIN;
        };
    return new SimRepo(
        name,
        p == Protection.ARCHIVED,
        p == Protection.FORK,
        p == Protection.PLAN_LIMITED ? "PRIVATE" : (i % 3 == 0 ? "INTERNAL" : "PRIVATE"),
        i % 4 == 0 ? List.of("service", "team-" + (i % 7)) : List.of("library"),
        defaultBranch,
        branches,
        trees,
        classic(p, production),
        repoRulesets(p, i),
        access,
        p,
        f);
  }

  private static Map<String, String> files(Files f, String name, boolean production) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("README.md", "# " + name + "\n");
    t.put("src/main.js", "console.log('" + name + "');\n");
    switch (f) {
      case PINNED_DOCKERFILE, LARGE_CIRCLECI_CONFIG ->
          t.put("Dockerfile", "FROM node:20.11-alpine AS build\nFROM nginx:1.27\n");
      case UNPINNED_DOCKERFILE -> t.put("Dockerfile", "FROM node:latest\n");
      case NESTED_DOCKERFILE -> t.put("docker/Dockerfile", "FROM python:3.12-slim\n");
      case LOWERCASE_DOCKERFILE -> t.put("dockerfile", "FROM golang:1.22\n");
      case NO_DOCKERFILE -> {}
    }
    String config = circleConfig(name, production);
    if (f == Files.LARGE_CIRCLECI_CONFIG) {
      StringBuilder big = new StringBuilder(config);
      while (big.length() < LARGE_CONFIG_BYTES) {
        big.append("# padding: generated job documentation line for the size test\n");
      }
      config = big.toString();
    }
    t.put(".circleci/config.yml", config);
    return t;
  }

  static String circleConfig(String name, boolean production) {
    return "version: 2.1\n# "
        + (production ? "production" : "default")
        + " branch config of "
        + name
        + "\njobs:\n  test:\n    docker: [{image: cimg/node:20.11}]\n    steps: [checkout, {run: npm test}]\n"
        + "workflows:\n  main:\n    jobs: [test]\n";
  }

  private static List<SimClassicRule> classic(Protection p, String production) {
    return switch (p) {
      case CLASSIC_FULL, MANY_BRANCHES, ARCHIVED, FORK, NO_ACCESS ->
          List.of(full(production, true, List.of()));
      case CASE_VARIANT_BRANCH -> List.of(full("[Pp]roduction", true, List.of()));
      case CLASSIC_ADMIN_BYPASS -> List.of(full(production, false, List.of()));
      case BYPASS_ACTOR -> List.of(full("release/*", true, List.of()));
      case CLASSIC_WEAK ->
          List.of(
              new SimClassicRule(
                  production, true, 0, false, List.of(), true, false, true, List.of()));
      default -> List.of();
    };
  }

  private static SimClassicRule full(String pattern, boolean admins, List<String> bypass) {
    return new SimClassicRule(
        pattern, true, 1, true, List.of("ci/circleci: test"), false, false, admins, bypass);
  }

  static List<SimRule> fullRules(int approvals) {
    return List.of(
        new SimRule("PULL_REQUEST", approvals, List.of()),
        SimRule.of("NON_FAST_FORWARD"),
        SimRule.of("DELETION"),
        new SimRule("REQUIRED_STATUS_CHECKS", 0, List.of("ci/circleci: test")));
  }

  private static List<SimRuleset> repoRulesets(Protection p, int i) {
    long id = 1000L + i * 10L;
    List<String> prod = List.of("refs/heads/production");
    return switch (p) {
      case REPO_RULESET ->
          List.of(
              new SimRuleset(
                  id, "production", "ACTIVE", prod, List.of(), List.of(), fullRules(1), List.of()),
              new SimRuleset(
                  id + 1,
                  "tags",
                  "ACTIVE",
                  List.of("~ALL"),
                  List.of(),
                  List.of(),
                  List.of(SimRule.of("MAX_FILE_SIZE")),
                  List.of()));
      case EVALUATE_ONLY ->
          List.of(
              new SimRuleset(
                  id,
                  "production-trial",
                  "EVALUATE",
                  prod,
                  List.of(),
                  List.of(),
                  fullRules(1),
                  List.of()));
      case BYPASS_ACTOR ->
          List.of(
              new SimRuleset(
                  id,
                  "production",
                  "ACTIVE",
                  List.of("refs/heads/prod*"),
                  List.of("refs/heads/prod-sandbox"),
                  List.of(),
                  fullRules(2),
                  List.of(new SimBypass("Team", "release-bots", "ALWAYS"))));
      default -> List.of();
    };
  }

  /** The organisation's own rulesets; GitHub applies them by repository name. */
  static List<SimRuleset> orgRulesets() {
    return List.of(
        new SimRuleset(
            1,
            "platform-production",
            "ACTIVE",
            List.of("refs/heads/production"),
            List.of(),
            List.of("platform-*"),
            fullRules(1),
            List.of()),
        new SimRuleset(
            2,
            "trunk-protection",
            "ACTIVE",
            List.of("~DEFAULT_BRANCH"),
            List.of(),
            List.of("trunk-*"),
            fullRules(1),
            List.of()),
        new SimRuleset(
            3,
            "signed-commits-trial",
            "EVALUATE",
            List.of("~ALL"),
            List.of(),
            List.of("~ALL"),
            List.of(SimRule.of("REQUIRED_SIGNATURES"), new SimRule("PULL_REQUEST", 2, List.of())),
            List.of(new SimBypass("OrganizationAdmin", "", "ALWAYS"))));
  }
}
