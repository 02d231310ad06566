package dev.shipcheck.core.fact;

import java.util.Objects;
import java.util.Optional;

/**
 * A derived fact that cannot be made because its source answered "there is none" or "it is
 * unusable" (no {@code .circleci/config.yml}, a config that is not YAML): an answer, not a gap
 * (DESIGN §3). The rules that read it decide what their clause demands ({@code Rule#absent}), and
 * cite the rule that judges the absence itself.
 *
 * @param cause the id of the rule that reports the absence, e.g. {@code CircleCiConfigured}
 * @param reason what is absent, in the user's terms: "there is no .circleci/config.yml on main"
 * @param location where it would be
 */
public record Absence(String cause, String reason, Optional<Location> location) {
  public Absence {
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(location, "location");
  }
}
