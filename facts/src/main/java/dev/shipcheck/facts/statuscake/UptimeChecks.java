package dev.shipcheck.facts.statuscake;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.core.fact.FactScope;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.fact.ProjectLinks;
import dev.shipcheck.core.policy.Policy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every uptime check of the StatusCake account ({@code GET /v1/uptime}, every page).
 *
 * @param endpoint the API base URL they were read from
 */
@FactInfo(
    name = "statuscake.uptime",
    scope = FactScope.ORGANISATION,
    description = "the StatusCake account's uptime checks with their targets, state and alerting")
public record UptimeChecks(String endpoint, List<UptimeCheck> checks) implements Fact {

  public UptimeChecks {
    Objects.requireNonNull(endpoint, "endpoint");
    checks = List.copyOf(checks);
  }

  /**
   * The checks watching {@code project}'s production site: with the policy's {@code productionUrl}
   * the checks on that host; otherwise the checks tagged as the policy's {@code
   * statuscake.projectTag} says (e.g. {@code project:shop}).
   */
  public MonitorLink linkOf(Project project, Policy policy) {
    Set<String> wantedTags =
        projectTags(project, policy.section(StatusCakePolicy.SECTION).projectTag());
    List<UptimeCheck> tagged =
        checks.stream()
            .filter(c -> c.tags().stream().anyMatch(t -> wantedTags.contains(lower(t))))
            .toList();
    String tagShown =
        policy
            .section(StatusCakePolicy.SECTION)
            .projectTag()
            .replace("{repo}", ProjectLinks.shortName(project.name()));
    Optional<Map.Entry<String, Policy.ProjectLink>> explicit =
        ProjectLinks.explicit(policy, project)
            .filter(e -> e.getValue().get(StatusCakePolicy.URL_LINK).isPresent());
    if (explicit.isPresent()) {
      String url = explicit.get().getValue().get(StatusCakePolicy.URL_LINK).orElseThrow();
      Optional<String> host = UptimeCheck.hostOf(url);
      List<UptimeCheck> covering =
          checks.stream().filter(c -> host.isPresent() && c.host().equals(host)).toList();
      List<UptimeCheck> elsewhere = tagged.stream().filter(c -> !covering.contains(c)).toList();
      return new MonitorLink(
          ProjectLinks.By.POLICY,
          Optional.of(url),
          covering,
          "policy projects." + explicit.get().getKey() + ".productionUrl = " + url,
          elsewhere);
    }
    if (tagged.isEmpty()) {
      return new MonitorLink(
          ProjectLinks.By.NONE,
          Optional.empty(),
          List.of(),
          "no productionUrl in the policy, and no uptime check tagged " + tagShown,
          List.of());
    }
    return new MonitorLink(
        ProjectLinks.By.TAG, Optional.empty(), tagged, "uptime check tag " + tagShown, List.of());
  }

  /** The tag template with {@code {repo}} as the repository name and as {@code owner/repo}. */
  static Set<String> projectTags(Project project, String template) {
    // Set.copyOf, not Set.of: for a project without an owner both spellings are the same.
    return Set.copyOf(
        List.of(
            lower(template.replace("{repo}", ProjectLinks.shortName(project.name()))),
            lower(template.replace("{repo}", project.name()))));
  }

  private static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}
