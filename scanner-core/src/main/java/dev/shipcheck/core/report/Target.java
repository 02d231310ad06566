package dev.shipcheck.core.report;

import java.util.Optional;

/**
 * What a scan looked at.
 *
 * @param kind {@code repository} (local checkout) or {@code organization}
 * @param name the repository (owner/repo or directory name) or the organisation
 * @param shard {@code K/N} when this run covered one shard of the organisation
 */
public record Target(String kind, String name, Optional<String> shard) {
  public static final String REPOSITORY = "repository";
  public static final String ORGANIZATION = "organization";

  public static Target repository(String name) {
    return new Target(REPOSITORY, name, Optional.empty());
  }

  public static Target organization(String name) {
    return new Target(ORGANIZATION, name, Optional.empty());
  }
}
