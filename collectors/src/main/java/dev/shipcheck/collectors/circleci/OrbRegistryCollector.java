package dev.shipcheck.collectors.circleci;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FactSink;
import dev.shipcheck.core.collect.Notification;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.circleci.OrbRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Collects {@link OrbRegistry}: the published versions of the orbs the policy names (its deployment
 * orb), one request per distinct orb per scan, whatever the number of projects.
 */
final class OrbRegistryCollector implements Collector {
  private final URI endpoint;
  private final Optional<Secret> token;
  private final Duration timeout;

  OrbRegistryCollector(URI endpoint, Optional<Secret> token, Duration timeout) {
    this.endpoint = endpoint;
    this.token = token;
    this.timeout = timeout;
  }

  @Override
  public String source() {
    return CircleCiSourceFactory.NAME;
  }

  @Override
  public Set<Class<? extends Fact>> provides() {
    return Set.of(OrbRegistry.class);
  }

  @Override
  public void collect(CollectionRequest request, FactSink sink) {
    if (!request.wants(OrbRegistry.class)) {
      return;
    }
    Set<String> orbs = new LinkedHashSet<>();
    request
        .policy()
        .section(CircleCiPolicy.SECTION)
        .deploymentOrb()
        .ifPresent(o -> orbs.add(o.trim().toLowerCase(Locale.ROOT)));
    OrbRegistryClient client = new OrbRegistryClient(endpoint, token, timeout, request.metrics());
    List<OrbRegistry.OrbVersions> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String orb : orbs) {
      try {
        found.add(new OrbRegistry.OrbVersions(orb, client.versions(orb)));
      } catch (OrbRegistryException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      String why = String.join("; ", problems);
      sink.notify(Notification.Level.ERROR, why);
      sink.putShared(OrbRegistry.class, FactValue.unavailable(source(), why));
      return;
    }
    sink.putShared(
        OrbRegistry.class,
        FactValue.present(source(), new OrbRegistry(client.endpoint().toString(), found)));
  }
}
