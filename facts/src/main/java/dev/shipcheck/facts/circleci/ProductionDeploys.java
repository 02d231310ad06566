package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactDeriver;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.policy.Policy;
import java.util.List;
import java.util.Objects;

/**
 * The production deploys of a usable CircleCI config (DESIGN §5), found once per project for every
 * rule that judges them; absent, like {@link UsablePipeline}, while the config cannot be judged.
 *
 * @param roles what each entry is for (deploy, test), memoised for the rules that ask again
 * @param branches the production branch names the deploys were looked for on
 */
@FactInfo(
    name = "circleci.productionDeploys",
    description = "the jobs that deploy to production on a push to the production branch")
public record ProductionDeploys(
    UsablePipeline usable, JobRoles roles, List<String> branches, List<ProductionDeploy> deploys)
    implements Fact {

  public ProductionDeploys {
    Objects.requireNonNull(usable, "usable");
    Objects.requireNonNull(roles, "roles");
    branches = List.copyOf(branches);
    deploys = List.copyOf(deploys);
  }

  public CircleCiConfig config() {
    return usable.config();
  }

  public CircleCiPipeline pipeline() {
    return usable.pipeline();
  }

  /** The production branch names as one word for messages: {@code production/prod}. */
  public String branchNames() {
    return String.join("/", branches);
  }

  /** Derived from {@link UsablePipeline} and the policy's CircleCI section. */
  public static final class Deriver implements FactDeriver<ProductionDeploys> {
    @Override
    public Class<ProductionDeploys> produces() {
      return ProductionDeploys.class;
    }

    @Override
    public List<Class<? extends Fact>> inputs() {
      return List.of(UsablePipeline.class);
    }

    @Override
    public ProductionDeploys derive(Facts inputs, Policy policy) {
      UsablePipeline usable = inputs.get(UsablePipeline.class);
      JobRoles roles = new JobRoles(usable.pipeline(), policy.section(CircleCiPolicy.SECTION));
      List<String> branches = policy.branches().production();
      return new ProductionDeploys(
          usable, roles, branches, ProductionDeploy.find(usable.pipeline(), roles, branches));
    }
  }
}
