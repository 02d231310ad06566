package dev.shipcheck.collectors;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceFactory;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyException;
import dev.shipcheck.core.policy.PolicyLoader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Creates a source the way the CLI does and runs its collector for one organisation-wide fact. */
public final class SourceHarness {
  public final SourceMetrics metrics = new SourceMetrics();
  public final FactStore store = new FactStore("test");

  public static SourceContext context(
      ScanMode mode, LoadedPolicy policy, Map<String, String> options, Map<String, String> env) {
    return new SourceContext(
        mode,
        Optional.empty(),
        mode == ScanMode.ORGANIZATION ? Optional.of("acme") : Optional.empty(),
        policy,
        options,
        env,
        Clock.systemUTC());
  }

  public static SourceContext local(Map<String, String> options, Map<String, String> env) {
    return context(ScanMode.LOCAL, PolicyLoader.defaults(), options, env);
  }

  public static LoadedPolicy policy(String yaml) {
    try {
      return PolicyLoader.parse("test-policy.yml", "version: 1\n" + yaml);
    } catch (PolicyException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  public static Source create(SourceFactory factory, SourceContext context) {
    return factory.create(context);
  }

  /** Runs every collector of {@code source} that provides {@code type}; returns its value. */
  public <F extends Fact> FactValue<F> collectShared(
      Source source, Class<F> type, String... projects) throws Exception {
    List<Project> ps =
        projects.length == 0
            ? List.of(new Project("acme/shop"))
            : java.util.Arrays.stream(projects).map(Project::new).toList();
    var policy = PolicyLoader.defaults().policy();
    var request =
        new CollectionRequest(ps, Set.of(type), policy, FileWants.forPolicy(policy), metrics);
    for (var c : source.collectors()) {
      if (c.provides().contains(type)) {
        c.collect(request, store);
      }
    }
    return store.get(null, type).orElseThrow(() -> new AssertionError("no value for " + type));
  }
}
