package dev.shipcheck.collectors.statuscake;

import dev.shipcheck.collectors.http.UrlSource;
import dev.shipcheck.core.collect.CredentialTransport;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceFactory;
import dev.shipcheck.core.collect.SourceStatus;
import dev.shipcheck.core.policy.PolicySection;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The {@code statuscake} source: uptime checks from StatusCake API v1. It takes part when {@code
 * STATUSCAKE_API_TOKEN} is set, or when {@code --statuscake-url} asks for it (then a missing token
 * is reported as not available rather than silently not run).
 */
public final class StatusCakeSourceFactory implements SourceFactory {
  /** The policy's {@code sources.statuscake} section: where the API is. */
  public static final PolicySection<UrlSource> ENDPOINT = new Endpoint();

  /** Registered with {@link java.util.ServiceLoader}; read it through {@link #ENDPOINT}. */
  public static final class Endpoint extends UrlSource.Section {
    public Endpoint() {
      super("statuscake", "https://api.statuscake.com");
    }

    @Override
    public int order() {
      return 50;
    }
  }

  public static final String NAME = "statuscake";
  public static final String TOKEN_ENV = "STATUSCAKE_API_TOKEN";

  static final String HOW_TO_ENABLE =
      "set " + TOKEN_ENV + " to a StatusCake API token (and --statuscake-url for another endpoint)";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 50;
  }

  @Override
  public Source create(SourceContext context) {
    Optional<Secret> token = context.secret(TOKEN_ENV);
    Optional<String> flag = context.option("statuscake-url");
    String url = flag.orElse(context.policy().policy().section(ENDPOINT).url()).strip();
    URI base;
    try {
      base = StatusCakeCollector.apiBase(url);
    } catch (IllegalArgumentException e) {
      String why = "--statuscake-url or sources.statuscake.url is not a URL: '" + url + "'";
      return Source.of(
          SourceStatus.configured(NAME, "(invalid URL)"), List.of(StatusCakeCollector.broken(why)));
    }
    StatusCakeCollector collector = new StatusCakeCollector(base, token);
    if (token.isEmpty() && flag.isEmpty()) {
      return Source.notConfigured(NAME, HOW_TO_ENABLE, List.of(collector));
    }
    if (token.isPresent()) {
      CredentialTransport.check(
          base, TOKEN_ENV, context.settingOf("statuscake-url", "/sources/statuscake/url"));
    }
    return Source.of(SourceStatus.configured(NAME, base.toString()), List.of(collector));
  }
}
