package dev.shipcheck.simulators.github;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A simulated organisation: its repositories (sorted by name) and its own rulesets. */
public final class SimOrg {
  private final String login;
  private final List<SimRepo> repos;
  private final List<SimRepo.SimRuleset> rulesets;
  private final Map<String, SimRepo> byName = new LinkedHashMap<>();
  private final Map<String, SimHistory> histories = new LinkedHashMap<>();

  public SimOrg(String login, List<SimRepo> repos, List<SimRepo.SimRuleset> rulesets) {
    this(login, repos, rulesets, Map.of());
  }

  /**
   * An organisation whose repositories have pull requests and activity.
   *
   * @param histories by repository name; a repository without one has none
   */
  public SimOrg(
      String login,
      List<SimRepo> repos,
      List<SimRepo.SimRuleset> rulesets,
      Map<String, SimHistory> histories) {
    histories.forEach((k, v) -> this.histories.put(k.toLowerCase(Locale.ROOT), v));
    this.login = login;
    this.repos = repos.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    this.rulesets = List.copyOf(rulesets);
    this.repos.forEach(r -> byName.put(r.name().toLowerCase(Locale.ROOT), r));
  }

  public String login() {
    return login;
  }

  public List<SimRepo> repos() {
    return repos;
  }

  public List<SimRepo.SimRuleset> rulesets() {
    return rulesets;
  }

  /** What changed in a repository: its merged pull requests and branch activity. */
  public SimHistory history(String name) {
    return histories.getOrDefault(name.toLowerCase(Locale.ROOT), SimHistory.EMPTY);
  }

  /** A repository by name, case-insensitively as GitHub resolves them. */
  public Optional<SimRepo> repo(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }
}
