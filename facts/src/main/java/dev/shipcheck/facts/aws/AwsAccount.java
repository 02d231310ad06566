package dev.shipcheck.facts.aws;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One member account of an AWS organisation as ListAccounts and ListTagsForResource report it.
 *
 * @param state the account's {@code State} as AWS spells it ({@code ACTIVE}, {@code SUSPENDED},
 *     {@code PENDING_CLOSURE}, {@code CLOSED}, {@code PENDING_ACTIVATION}, or a value newer than
 *     this build), never the retired {@code Status}
 * @param tags the account's tags, by key
 */
public record AwsAccount(
    String id, String name, String arn, String state, Map<String, String> tags) {
  public static final String ACTIVE = "ACTIVE";

  public AwsAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(state, "state");
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  public boolean active() {
    return ACTIVE.equals(state);
  }

  /**
   * The values of the tag {@code key} (compared case-insensitively), each split on commas and white
   * space: a repository name contains neither, so {@code "shop, billing"} names two.
   */
  public List<String> tagValues(String key) {
    List<String> out = new ArrayList<>();
    tags.forEach(
        (k, v) -> {
          if (k.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
            for (String part : v.split("[,\\s]+")) {
              if (!part.isBlank()) {
                out.add(part);
              }
            }
          }
        });
    return out;
  }

  /** {@code 123456789012 (shop-prod)}, for messages. */
  public String label() {
    return name.isBlank() ? id : id + " (" + name + ")";
  }
}
