package dev.shipcheck.collectors.github;

import dev.shipcheck.collectors.git.GitRepos;
import dev.shipcheck.collectors.http.UrlSource;
import dev.shipcheck.core.collect.CredentialTransport;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceFactory;
import dev.shipcheck.core.collect.SourceStatus;
import dev.shipcheck.core.policy.PolicySection;
import dev.shipcheck.facts.evidence.EvidencePolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * The {@code github} source: endpoint from {@code --github-url} or the policy's {@code
 * sources.github.url}, token from {@code GITHUB_TOKEN}. Optional settings by command-line option:
 * {@code github-batch-size}, {@code github-concurrency}, {@code github-max-wait} (seconds), {@code
 * github-retry-ms} (first retry delay) and {@code github-cache-dir} (keeps REST ETags between
 * runs).
 */
public final class GitHubSourceFactory implements SourceFactory {
  /** The policy's {@code sources.github} section: where the API is. */
  public static final PolicySection<UrlSource> ENDPOINT = new Endpoint();

  /** Registered with {@link java.util.ServiceLoader}; read it through {@link #ENDPOINT}. */
  public static final class Endpoint extends UrlSource.Section {
    public Endpoint() {
      super("github", "https://api.github.com");
    }

    @Override
    public int order() {
      return 20;
    }
  }

  public static final String NAME = "github";
  public static final String TOKEN = "GITHUB_TOKEN";
  private static final String URL_POINTER = "/sources/github/url";

  /**
   * Rate-limit waits follow real time (GitHub's reset times), not the scan's clock, which tests and
   * reproducible runs may fix.
   */
  private static final java.time.Clock PACING = java.time.Clock.systemUTC();

  private static final Pattern REMOTE =
      Pattern.compile("^(?:.*[:/])?([^/:]+)/([^/]+?)(?:\\.git)?/?$");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 20;
  }

  @Override
  public Source create(SourceContext ctx) {
    String url = ctx.option("github-url").orElse(ctx.policy().policy().section(ENDPOINT).url());
    Optional<Secret> token = ctx.secret(TOKEN);
    if (token.isEmpty()) {
      String how =
          ctx.mode() == ScanMode.ORGANIZATION
              ? "set GITHUB_TOKEN to a token that can read the organisation's repositories"
                  + " (Metadata, Contents and Administration: read)"
              : "set GITHUB_TOKEN (Metadata and Administration: read on this repository) to check"
                  + " its GitHub settings, such as branch protection";
      return unconfigured(ctx, SourceStatus.notConfigured(NAME, how));
    }
    GitHubSettings settings;
    try {
      settings = settings(URI.create(url), token.get(), ctx);
    } catch (IllegalArgumentException e) {
      return unconfigured(
          ctx, SourceStatus.notConfigured(NAME, "fix the GitHub settings: " + e.getMessage()));
    }
    CredentialTransport.check(settings.api(), TOKEN, ctx.settingOf("github-url", URL_POINTER));
    Optional<String> since = ctx.option(EvidencePolicy.SINCE_OPTION);
    Optional<String> until = ctx.option(EvidencePolicy.UNTIL_OPTION);
    java.time.Clock clock = ctx.clock();
    if (ctx.mode() == ScanMode.LOCAL) {
      Optional<String> repo = ctx.repository().flatMap(GitHubSourceFactory::originRepository);
      if (repo.isEmpty()) {
        return unconfigured(
            ctx,
            SourceStatus.notConfigured(
                NAME,
                "add an 'origin' remote naming the GitHub repository (owner/repo) to the checkout"));
      }
      return GitHubSource.local(repo.get(), settings, PACING).withAuditPeriod(since, until, clock);
    }
    return GitHubSource.organisation(ctx.organization().orElse(""), settings, PACING)
        .withAuditPeriod(since, until, clock);
  }

  private static Source unconfigured(SourceContext ctx, SourceStatus status) {
    return new GitHubSource(
        ctx.mode(), ctx.organization(), Optional.empty(), Optional.empty(), status, PACING);
  }

  static GitHubSettings settings(URI api, Secret token, SourceContext ctx) {
    if (api.getScheme() == null || !api.getScheme().startsWith("http")) {
      throw new IllegalArgumentException("GitHub URL '" + api + "' is not an http(s) URL");
    }
    GitHubSettings s = GitHubSettings.defaults(api, token);
    int batch = intOption(ctx, "github-batch-size", s.batchSize());
    int concurrency = intOption(ctx, "github-concurrency", s.concurrency());
    s = s.withBatch(batch, concurrency);
    s =
        s.withMaxWait(
            Duration.ofSeconds(intOption(ctx, "github-max-wait", (int) s.maxWait().toSeconds())));
    Optional<Path> cache = ctx.option("github-cache-dir").map(Path::of);
    Duration retry =
        Duration.ofMillis(intOption(ctx, "github-retry-ms", (int) s.retryBase().toMillis()));
    return new GitHubSettings(
        s.api(),
        s.token(),
        s.batchSize(),
        s.concurrency(),
        s.attempts(),
        retry,
        s.secondaryWait(),
        s.maxWait(),
        s.timeout(),
        cache);
  }

  private static int intOption(SourceContext ctx, String name, int fallback) {
    Optional<String> v = ctx.option(name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " '" + v.get() + "' is not a whole number");
    }
  }

  /** {@code owner/repo} from the checkout's {@code origin} remote URL, if it has one. */
  static Optional<String> originRepository(Path checkout) {
    try (Repository repo = GitRepos.open(checkout)) {
      String url = repo.getConfig().getString("remote", "origin", "url");
      return url == null ? Optional.empty() : parseRemote(url);
    } catch (GitRepos.NotARepositoryException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Optional<String> parseRemote(String url) {
    Matcher m = REMOTE.matcher(url.trim());
    return m.matches() ? Optional.of(m.group(1) + "/" + m.group(2)) : Optional.empty();
  }
}
