package dev.shipcheck.core.fact;

import dev.shipcheck.core.policy.Policy;
import java.util.List;

/**
 * Computes a fact from other facts, purely (e.g. the CircleCI config model from the config file's
 * text). Derived facts are computed once per project and never saved in snapshots: a snapshot holds
 * what was observed, and re-deriving gives the same answer.
 */
public interface FactDeriver<F extends Fact> {
  Class<F> produces();

  List<Class<? extends Fact>> inputs();

  /**
   * Repository files whose text this deriver reads from the collected files (paths or globs), so
   * collectors read exactly those; e.g. the CircleCI deriver owns {@code .circleci/config.yml}.
   */
  default List<String> files(Policy policy) {
    return List.of();
  }

  /**
   * Derives the fact. May throw {@link MissingFactException} (from {@code inputs.get}) when an
   * input is missing; the derived fact is then missing for the same reason.
   */
  F derive(Facts inputs, Policy policy);
}
