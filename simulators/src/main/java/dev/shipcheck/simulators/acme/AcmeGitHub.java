package dev.shipcheck.simulators.acme;

import dev.shipcheck.simulators.github.SimOrg;
import dev.shipcheck.simulators.github.SimRepo;
import dev.shipcheck.simulators.github.SimRepo.SimClassicRule;
import dev.shipcheck.simulators.github.SimRepo.SimRule;
import dev.shipcheck.simulators.github.SimRepo.SimRuleset;
import dev.shipcheck.simulators.github.SyntheticOrg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The sample organisation's repositories as the GitHub simulator serves them. */
final class AcmeGitHub {
  private static final String STATUS_CHECK = "ci/circleci: test";

  private AcmeGitHub() {}

  static SimOrg simOrg(AcmeOrg org) {
    List<SimRepo> repos = new ArrayList<>();
    long rulesetId = 5_000;
    for (AcmeProject p : org.projects()) {
      repos.add(repo(p, rulesetId));
      rulesetId += 10;
    }
    return new SimOrg(AcmeOrg.ORG, repos, List.of());
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
