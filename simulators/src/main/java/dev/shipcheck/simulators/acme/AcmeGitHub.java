package dev.shipcheck.simulators.acme;

import dev.shipcheck.simulators.github.SimHistory;
import dev.shipcheck.simulators.github.SimHistory.SimUser;
import dev.shipcheck.simulators.github.SimOrg;
import dev.shipcheck.simulators.github.SimRepo;
import dev.shipcheck.simulators.github.SimRepo.SimClassicRule;
import dev.shipcheck.simulators.github.SimRepo.SimRule;
import dev.shipcheck.simulators.github.SimRepo.SimRuleset;
import dev.shipcheck.simulators.github.SyntheticOrg;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sample organisation's repositories as the GitHub simulator serves them. */
final class AcmeGitHub {
  private static final String STATUS_CHECK = "ci/circleci: test";

  private AcmeGitHub() {}

  static SimOrg simOrg(AcmeOrg org, Instant now) {
    List<SimRepo> repos = new ArrayList<>();
    long rulesetId = 5_000;
    for (AcmeProject p : org.projects()) {
      repos.add(repo(p, rulesetId));
      rulesetId += 10;
    }
    return new SimOrg(AcmeOrg.ORG, repos, List.of(), histories(now));
  }

  /**
   * How changes reached production in the last weeks, relative to {@code now}: shop and checkout
   * through reviewed pull requests (checkout's merge made on the command line and pushed), payments
   * a self-merged unreviewed pull request, search one approved before its last commit, inventory a
   * direct push, reporting a force push; the token may not read analytics' activity.
   */
  static Map<String, SimHistory> histories(Instant now) {
    SimUser dana = SimUser.person("dana");
    SimUser eli = SimUser.person("eli");
    SimUser sam = SimUser.person("sam");
    Map<String, SimHistory> h = new LinkedHashMap<>();
    h.put(
        "shop", new SimHistory(List.of(pr(now, 41, dana, eli, 3, "head", eli)), List.of(), false));
    h.put(
        "checkout",
        new SimHistory(
            List.of(pr(now, 17, eli, eli, 5, "head", dana)),
            List.of(activity(now, 1, "push", eli, 5, "merge17")),
            false));
    h.put("payments", new SimHistory(List.of(pr(now, 88, sam, sam, 4, "head")), List.of(), false));
    h.put(
        "search",
        new SimHistory(List.of(pr(now, 23, dana, dana, 6, "earlier", eli)), List.of(), false));
    h.put(
        "inventory",
        new SimHistory(List.of(), List.of(activity(now, 2, "push", sam, 8, "hotfix2")), false));
    h.put(
        "reporting",
        new SimHistory(
            List.of(), List.of(activity(now, 3, "force_push", dana, 9, "rewrite3")), false));
    h.put("analytics", new SimHistory(List.of(), List.of(), true));
    return h;
  }

  /** A pull request merged {@code days} ago, approved by {@code reviewers} on {@code reviewed}. */
  private static SimHistory.SimPullRequest pr(
      Instant now,
      int number,
      SimUser author,
      SimUser merger,
      int days,
      String reviewed,
      SimUser... reviewers) {
    Instant merged = now.minus(Duration.ofDays(days));
    Instant lastCommit = merged.minus(Duration.ofHours(2));
    List<SimHistory.SimReview> reviews = new ArrayList<>();
    for (SimUser r : reviewers) {
      Instant at =
          reviewed.equals("head")
              ? merged.minus(Duration.ofHours(1))
              : lastCommit.minus(Duration.ofHours(1));
      reviews.add(
          new SimHistory.SimReview(
              r, "APPROVED", at, reviewed.equals("head") ? "head" + number : "early" + number));
    }
    return new SimHistory.SimPullRequest(
        number,
        "production",
        author,
        merger,
        merged,
        merged.plusSeconds(30),
        "merge" + number,
        "head" + number,
        lastCommit,
        reviews);
  }

  private static SimHistory.SimActivity activity(
      Instant now, long id, String type, SimUser who, int days, String after) {
    return new SimHistory.SimActivity(
        id,
        "refs/heads/production",
        type,
        who,
        now.minus(Duration.ofDays(days)),
        "before" + id,
        after);
  }

  /** Every branch has the same files: the default branch's tree, which GitHub serves for all. */
  private static SimRepo repo(AcmeProject p, long rulesetId) {
    String main = p.branches().get(0);
    return new SimRepo(
        p.name(),
        false,
        false,
        "PRIVATE",
        List.of("service"),
        main,
        p.branches(),
        Map.of(main, p.files()),
        p.protection() == AcmeProject.Protection.CLASSIC
                || p.protection() == AcmeProject.Protection.UNREADABLE
            ? List.of(classic())
            : List.of(),
        p.protection() == AcmeProject.Protection.RULESET ? List.of(ruleset(rulesetId)) : List.of(),
        p.protection() == AcmeProject.Protection.UNREADABLE
            ? SimRepo.Access.NO_ACCESS
            : SimRepo.Access.ADMIN,
        switch (p.protection()) {
          case CLASSIC -> SyntheticOrg.Protection.CLASSIC_FULL;
          case RULESET -> SyntheticOrg.Protection.REPO_RULESET;
          case NONE -> SyntheticOrg.Protection.UNPROTECTED;
          case UNREADABLE -> SyntheticOrg.Protection.NO_ACCESS;
        },
        p.files().containsKey("Dockerfile")
            ? SyntheticOrg.Files.PINNED_DOCKERFILE
            : SyntheticOrg.Files.NO_DOCKERFILE);
  }

  /** One approving review, status checks, no force push or deletion, admins included. */
  private static SimClassicRule classic() {
    return new SimClassicRule(
        "production", true, 1, true, List.of(STATUS_CHECK), false, false, true, List.of());
  }

  private static SimRuleset ruleset(long id) {
    return new SimRuleset(
        id,
        "production",
        "ACTIVE",
        List.of("refs/heads/production"),
        List.of(),
        List.of(),
        List.of(
            new SimRule("PULL_REQUEST", 1, List.of()),
            SimRule.of("NON_FAST_FORWARD"),
            SimRule.of("DELETION"),
            new SimRule("REQUIRED_STATUS_CHECKS", 0, List.of(STATUS_CHECK))),
        List.of());
  }
}
