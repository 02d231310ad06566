package dev.shipcheck.cli;

import dev.shipcheck.core.collect.ProjectDiscovery;
import dev.shipcheck.core.collect.ProjectDiscovery.DiscoveredProject;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.engine.ScanSetup;
import dev.shipcheck.core.engine.ScopeFilter;
import dev.shipcheck.core.engine.Shard;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.rule.RuleCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;

/**
 * The nightly audit's set-up ({@code scan --github-org ORG [--shard K/N]}): asks the source that
 * can list the organisation (GitHub) for its repositories, narrows them to the policy's scope and
 * the shard, and says on stderr how many are in and why the others are out.
 */
final class OrgScan {
  /** The GitHub source's tuning options, passed to it as they are. */
  static final List<String> GITHUB_OPTIONS =
      List.of(
          "github-batch-size",
          "github-concurrency",
          "github-max-wait",
          "github-retry-ms",
          "github-cache-dir");

  private OrgScan() {}

  static List<org.apache.commons.cli.Option> options() {
    return List.of(
        Args.value("github-batch-size", "N", "repositories per GitHub GraphQL query (default 50)"),
        Args.value("github-concurrency", "N", "GitHub requests in flight at once (default 4)"),
        Args.value(
            "github-max-wait",
            "SECONDS",
            "longest wait for a GitHub rate-limit reset before giving up (default 900)"),
        Args.value(
            "github-retry-ms",
            "MS",
            "first retry delay after a GitHub 5xx or timeout, doubled on each retry (default 500)"),
        Args.value(
            "github-cache-dir",
            "DIR",
            "keep GitHub REST ETags here between runs, for conditional requests"));
  }

  static ScanSetup setup(
      CommandLine cl,
      LoadedPolicy policy,
      RuleCatalog catalog,
      ClauseCatalog clauses,
      Terminal terminal)
      throws UsageException, Policies.InvalidPolicyException {
    String org = cl.getOptionValue("github-org").trim();
    if (org.isEmpty() || cl.hasOption("repo")) {
      throw new UsageException("scan: give either --repo PATH or --github-org ORG, not both");
    }
    Optional<Shard> shard = shard(cl.getOptionValue("shard"));
    SourceContext context =
        new SourceContext(
            ScanMode.ORGANIZATION,
            Optional.empty(),
            Optional.of(org),
            policy,
            ScanCommand.endpointOptions(cl),
            terminal.env(),
            terminal.clock());
    List<Source> sources = Sources.create(context);
    Policies.checkRequiredSources(policy, sources);
    Source github =
        sources.stream()
            .filter(s -> s instanceof ProjectDiscovery)
            .findFirst()
            .orElseThrow(
                () -> new UsageException("scan --github-org: this build has no GitHub source"));
    if (!github.status().configured()) {
      throw new UsageException("scan --github-org: " + github.status().howToEnable());
    }
    List<DiscoveredProject> found;
    try {
      found = ((ProjectDiscovery) github).discover();
    } catch (ProjectDiscovery.DiscoveryException e) {
      throw new UsageException("scan --github-org: " + e.getMessage());
    }
    ScopeFilter.Selection selection = ScopeFilter.select(policy.policy().scope(), shard, found);
    if (!cl.hasOption("quiet")) {
      terminal.err().println(Terminal.clean(describe(org, found.size(), selection, shard)));
    }
    return new ScanSetup(
        policy,
        catalog,
        clauses,
        new Target(Target.ORGANIZATION, org, shard.map(Shard::toString)),
        selection.projects(),
        sources,
        Optional.empty(),
        terminal.clock());
  }

  static Optional<Shard> shard(String option) throws UsageException {
    if (option == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Shard.parse(option));
    } catch (IllegalArgumentException e) {
      throw new UsageException("scan: " + e.getMessage());
    }
  }

  static String describe(String org, int total, ScopeFilter.Selection sel, Optional<Shard> shard) {
    Map<String, Integer> reasons = new TreeMap<>();
    for (ScopeFilter.Skipped s : sel.skipped()) {
      reasons.merge(s.reason(), 1, Integer::sum);
    }
    StringBuilder sb =
        new StringBuilder("github: ")
            .append(total)
            .append(" repositories in ")
            .append(org)
            .append(shard.map(s -> ", shard " + s).orElse(""))
            .append(", ")
            .append(sel.projects().size())
            .append(" in scope");
    reasons.forEach((why, n) -> sb.append("; ").append(n).append(' ').append(why));
    return sb.toString();
  }
}
