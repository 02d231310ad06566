package dev.shipcheck.core.fact;

import dev.shipcheck.core.policy.Policy;
import java.util.Optional;

/**
 * A collected fact that can put a whole project out of the rules' reach, such as an archived
 * repository. The engine asks every such fact of a project before evaluating any rule and, when one
 * gives a reason, records NOT_APPLICABLE with it for every rule; so no rule repeats the check.
 * Sources that provide such a fact have it collected in every scan they take part in.
 */
public interface ProjectApplicability {
  /** Why no rule applies to this project under {@code policy}; empty when the rules apply. */
  Optional<String> notApplicableBecause(Policy policy);
}
