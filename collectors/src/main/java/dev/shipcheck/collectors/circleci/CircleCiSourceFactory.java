package dev.shipcheck.collectors.circleci;

import dev.shipcheck.collectors.circleci.contexts.CircleCiContextsCollector;
import dev.shipcheck.collectors.circleci.history.DeployHistoryCollector;
import dev.shipcheck.collectors.http.UrlSource;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.CredentialTransport;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceFactory;
import dev.shipcheck.core.collect.SourceStatus;
import dev.shipcheck.core.policy.PolicySection;
import dev.shipcheck.facts.evidence.AuditWindow;
import dev.shipcheck.facts.evidence.EvidencePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The CircleCI source: the orb registry (GraphQL) and API v2 contexts. Configured in every
 * organisation scan (public orbs need no token); in a local scan only when asked for ({@code --use
 * circleci}, {@code --circleci-url} or the policy's {@code require:}), so a pre-merge scan does no
 * network I/O unless asked to. The policy's {@code sources.circleci} only says where CircleCI is.
 */
public final class CircleCiSourceFactory implements SourceFactory {
  /** The policy's {@code sources.circleci} section: where the API is. */
  public static final PolicySection<UrlSource> ENDPOINT = new Endpoint();

  /** Registered with {@link java.util.ServiceLoader}; read it through {@link #ENDPOINT}. */
  public static final class Endpoint extends UrlSource.Section {
    public Endpoint() {
      super("circleci", "https://circleci.com");
    }

    @Override
    public int order() {
      return 30;
    }
  }

  public static final String NAME = "circleci";
  public static final String TOKEN = "CIRCLECI_TOKEN";
  public static final String URL_OPTION = "circleci-url";
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 30;
  }

  @Override
  public Source create(SourceContext context) {
    return create(context, TIMEOUT);
  }

  Source create(SourceContext context, Duration timeout) {
    Optional<Secret> token = context.secret(TOKEN);
    Optional<String> flag = context.option(URL_OPTION);
    String base = flag.orElse(context.policy().policy().section(ENDPOINT).url());
    Optional<URI> endpoint = endpoint(base);
    // The collector is listed even when unconfigured, so its facts become NOT_RUN with the
    // status's advice rather than "no source provides it".
    List<Collector> collectors =
        List.of(
            new OrbRegistryCollector(
                endpoint.orElse(URI.create("https://circleci.com" + OrbRegistryClient.PATH)),
                token,
                timeout),
            CircleCiContextsCollector.from(context, base),
            new DeployHistoryCollector(
                endpoint.isPresent()
                    ? URI.create(base.strip().replaceAll("/+$", ""))
                    : URI.create("https://circleci.com"),
                token,
                () ->
                    AuditWindow.of(
                        context.policy().policy().section(EvidencePolicy.SECTION),
                        context.option(EvidencePolicy.SINCE_OPTION),
                        context.option(EvidencePolicy.UNTIL_OPTION),
                        context.clock())));
    boolean configured =
        context.mode() == ScanMode.ORGANIZATION
            || token.isPresent()
            || flag.isPresent()
            || context.requested(NAME);
    if (!configured) {
      return source(
          SourceStatus.notConfigured(
              NAME,
              "pass --use circleci (or --circleci-url URL) to let a scan of a repository ask the"
                  + " CircleCI orb registry (public orbs need no token; CIRCLECI_TOKEN for contexts)"),
          collectors);
    }
    if (endpoint.isEmpty()) {
      return source(
          SourceStatus.notConfigured(
              NAME,
              "the CircleCI URL '"
                  + base
                  + "' is not an http(s) URL; fix --circleci-url or sources.circleci.url"),
          collectors);
    }
    if (token.isPresent()) {
      CredentialTransport.check(
          endpoint.get(), TOKEN, context.settingOf(URL_OPTION, "/sources/circleci/url"));
    }
    return source(SourceStatus.configured(NAME, endpoint.get().toString()), collectors);
  }

  private static Optional<URI> endpoint(String base) {
    try {
      URI uri = new URI(base.replaceAll("/+$", "") + OrbRegistryClient.PATH);
      boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
      return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Source source(SourceStatus status, List<Collector> collectors) {
    return new Source() {
      @Override
      public SourceStatus status() {
        return status;
      }

      @Override
      public List<Collector> collectors() {
        return collectors;
      }
    };
  }
}
