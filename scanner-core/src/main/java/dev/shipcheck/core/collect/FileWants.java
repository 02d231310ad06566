package dev.shipcheck.core.collect;

import dev.shipcheck.core.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files a scan needs the text of, worked out once from the policy so every collector reads the
 * same ones: the Dockerfile candidates, the CircleCI config, the rollback pipeline.
 *
 * @param paths relative paths, matched case-insensitively
 */
public record FileWants(List<String> paths) {

  public static final String CIRCLECI_CONFIG = ".circleci/config.yml";
  public static final String CIRCLECI_ROLLBACK = ".circleci/rollback.yml";

  public FileWants {
    paths = List.copyOf(paths);
  }

  public static FileWants forPolicy(Policy policy) {
    Set<String> all = new LinkedHashSet<>(policy.docker().paths());
    all.add(CIRCLECI_CONFIG);
    all.add(CIRCLECI_ROLLBACK);
    return new FileWants(new ArrayList<>(all));
  }
}
