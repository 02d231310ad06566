package dev.shipcheck.cli;

import dev.shipcheck.core.collect.CredentialTransport;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The data sources found on the class path, created for one scan in priority order. */
final class Sources {
  private Sources() {}

  /**
   * Every source, in priority order.
   *
   * @throws UsageException when a source would send a credential in the clear off this machine
   */
  static List<Source> create(SourceContext context) throws UsageException {
    List<SourceFactory> factories = new ArrayList<>();
    ServiceLoader.load(SourceFactory.class, Sources.class.getClassLoader()).forEach(factories::add);
    factories.sort(
        Comparator.comparingInt(SourceFactory::priority).thenComparing(SourceFactory::name));
    List<Source> sources = new ArrayList<>();
    for (SourceFactory f : factories) {
      try {
        sources.add(f.create(context));
      } catch (CredentialTransport.InsecureEndpointException e) {
        throw new UsageException("scan: " + e.getMessage());
      }
    }
    return sources;
  }

  /** The names of every source this build knows, for messages. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    ServiceLoader.load(SourceFactory.class, Sources.class.getClassLoader())
        .forEach(f -> names.add(f.name()));
    return names;
  }
}
