package dev.shipcheck.core.collect;

import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy's {@code require:} list (DESIGN §3): sources that must be configured. A nightly audit
 * whose AWS credentials went missing then stops at start-up (exit 2) instead of writing a report
 * full of NOT_RUN that looks calm.
 */
public final class RequiredSources {
  private RequiredSources() {}

  /**
   * One problem per required source that is not configured in this scan, each pointing at its entry
   * in the policy file and saying how to enable the source. Empty when all are configured.
   */
  public static List<PolicyProblem> unmet(LoadedPolicy policy, List<Source> sources) {
    List<PolicyProblem> problems = new ArrayList<>();
    List<String> required = policy.policy().require();
    for (int i = 0; i < required.size(); i++) {
      String name = required.get(i);
      Optional<SourceStatus> status =
          sources.stream().map(Source::status).filter(s -> s.name().equals(name)).findFirst();
      String message;
      if (status.isEmpty()) {
        message = "the policy requires source '" + name + "', which this build of shipcheck lacks";
      } else if (!status.get().configured()) {
        message =
            "the policy requires source '"
                + name
                + "', which is not configured for this scan: "
                + status.get().howToEnable();
      } else {
        continue;
      }
      problems.add(
          new PolicyProblem(
              policy.source(), policy.positionOf("/require/" + i), "require[" + i + "]", message));
    }
    return problems;
  }
}
