package dev.shipcheck.cli;

import dev.shipcheck.collectors.git.GitSourceFactory;
import dev.shipcheck.core.collect.CredentialTransport;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The data sources found on the class path, created for one scan in priority order. */
final class Sources {
  private Sources() {}

  /**
   * Every source, in priority order. In a scan of a repository, a source other than git takes part
   * only when the operator asked for it ({@link SourceContext#requested}): the pull request's CI
   * job has tokens in its environment, and they alone must not make a pre-merge scan call out. Such
   * a source is still listed, unconfigured, so its rules are NOT_RUN with how to enable it.
   *
   * @throws UsageException when a source would send a credential in the clear off this machine
   */
  static List<Source> create(SourceContext context) throws UsageException {
    List<Source> sources = new ArrayList<>();
    for (SourceFactory f : factories()) {
      try {
        sources.add(asked(context, f) ? f.create(context) : notAsked(context, f));
      } catch (CredentialTransport.InsecureEndpointException e) {
        throw new UsageException("scan: " + e.getMessage());
      }
    }
    return sources;
  }

  private static boolean asked(SourceContext context, SourceFactory f) {
    return context.mode() != ScanMode.LOCAL
        || f.name().equals(GitSourceFactory.NAME)
        || context.requested(f.name());
  }

  /**
   * The source as it is without any credential (so nothing it builds can call out), with its advice
   * prefixed by the {@code --use} that lets it take part.
   */
  private static Source notAsked(SourceContext context, SourceFactory f) {
    SourceContext bare =
        new SourceContext(
            context.mode(),
            context.repository(),
            context.organization(),
            context.policy(),
            context.options(),
            Map.of(),
            context.clock());
    Source s = f.create(bare);
    String how = s.status().howToEnable();
    String use = "--use " + f.name();
    String advice =
        how.contains(use) ? how : how.isBlank() ? "pass " + use : "pass " + use + " and " + how;
    return Source.notConfigured(f.name(), advice, s.collectors());
  }

  private static List<SourceFactory> factories() {
    List<SourceFactory> factories = new ArrayList<>();
    ServiceLoader.load(SourceFactory.class, Sources.class.getClassLoader()).forEach(factories::add);
    factories.sort(
        Comparator.comparingInt(SourceFactory::priority).thenComparing(SourceFactory::name));
    return factories;
  }

  /** The names of the sources a scan of a repository calls only when asked, in priority order. */
  static List<String> outside() {
    return factories().stream()
        .map(SourceFactory::name)
        .filter(n -> !n.equals(GitSourceFactory.NAME))
        .toList();
  }
}
