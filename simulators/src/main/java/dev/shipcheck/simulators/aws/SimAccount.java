package dev.shipcheck.simulators.aws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An account of the simulated organisation.
 *
 * @param state the {@code State} AWS reports (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED,
 *     PENDING_ACTIVATION, or anything else to test values newer than the SDK)
 * @param joined when it joined, in epoch seconds (sent as a JSON number, as awsJson does)
 * @param tags its tags in the order ListTagsForResource returns them
 */
public record SimAccount(
    String id, String name, String email, String state, double joined, Map<String, String> tags) {
  public SimAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(state, "state");
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** An active account with an email derived from its name. */
  public static SimAccount active(String id, String name, Map<String, String> tags) {
    return new SimAccount(id, name, name + "@example.com", "ACTIVE", 1481830215.45, tags);
  }

  public SimAccount withState(String newState) {
    return new SimAccount(id, name, email, newState, joined, tags);
  }
}
