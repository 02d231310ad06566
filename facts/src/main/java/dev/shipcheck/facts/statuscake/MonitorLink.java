package dev.shipcheck.facts.statuscake;

import dev.shipcheck.core.fact.ProjectLinks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The uptime checks that watch one project's production site, and what linked them.
 *
 * @param productionUrl the policy's {@code projects.<repo>.productionUrl}, if set
 * @param checks the checks covering the production site: for a policy link those whose host is the
 *     production URL's host; for a tag link those tagged for the project
 * @param how what linked them, in the user's terms
 * @param taggedElsewhere checks tagged for the project that watch another host than the policy's
 *     production URL
 */
public record MonitorLink(
    ProjectLinks.By by,
    Optional<String> productionUrl,
    List<UptimeCheck> checks,
    String how,
    List<UptimeCheck> taggedElsewhere) {
  public MonitorLink {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(productionUrl, "productionUrl");
    checks = List.copyOf(checks);
    Objects.requireNonNull(how, "how");
    taggedElsewhere = List.copyOf(taggedElsewhere);
  }
}
