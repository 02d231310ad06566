package dev.shipcheck.collectors.aws;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FactSink;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.facts.aws.AwsAccount;
import dev.shipcheck.facts.aws.AwsAccounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * Reads the organisation's accounts and tags: DescribeOrganization for the management account, then
 * ListAccounts and ListTagsForResource each to the last page. Pages are followed while {@code
 * NextToken} is set, not while they have items: AWS documents that a page can be empty with more to
 * come. Throttling is retried with back-off by the SDK; any other failure makes the whole fact
 * unavailable with a reason naming the denied permission, because accounts without their tags would
 * read as "no account linked".
 */
public final class AwsOrganizationsCollector implements Collector {
  /** Attempts per call, the first included, before throttling gives up. */
  static final int MAX_ATTEMPTS = 6;

  /** A listing that keeps answering pages past this is looping, not large. */
  private static final int MAX_PAGES = 10_000;

  private final Optional<AwsSettings> settings;
  private final String problem;

  AwsOrganizationsCollector(AwsSettings settings) {
    this.settings = Optional.of(settings);
    this.problem = "";
  }

  private AwsOrganizationsCollector(String problem) {
    this.settings = Optional.empty();
    this.problem = problem;
  }

  /** A collector that reports {@code problem} instead of calling AWS (bad settings). */
  static AwsOrganizationsCollector broken(String problem) {
    return new AwsOrganizationsCollector(problem);
  }

  @Override
  public String source() {
    return AwsSourceFactory.NAME;
  }

  @Override
  public Set<Class<? extends Fact>> provides() {
    return Set.of(AwsAccounts.class);
  }

  @Override
  public void collect(CollectionRequest request, FactSink sink) {
    if (!request.wants(AwsAccounts.class)) {
      return;
    }
    if (settings.isEmpty()) {
      sink.putShared(AwsAccounts.class, FactValue.unavailable(source(), problem));
      return;
    }
    AwsSettings s = settings.get();
    try (OrganizationsClient client = client(s, request.metrics())) {
      sink.putShared(AwsAccounts.class, read(client, s));
    } catch (SdkException e) {
      // Building the client itself failed (e.g. an unreadable AWS config file).
      sink.putShared(
          AwsAccounts.class,
          FactValue.unavailable(source(), AwsErrors.reason("DescribeOrganization", e, s)));
    }
  }

  /** The fact, or why it is unavailable; never throws for an AWS or network failure. */
  static FactValue<AwsAccounts> read(OrganizationsClient client, AwsSettings s) {
    String operation = "DescribeOrganization";
    try {
      Organization org = client.describeOrganization().organization();
      operation = "ListAccounts";
      List<Account> accounts = listAccounts(client);
      operation = "ListTagsForResource";
      List<AwsAccount> out = new ArrayList<>(accounts.size());
      for (Account a : accounts) {
        out.add(
            new AwsAccount(
                a.id(),
                Optional.ofNullable(a.name()).orElse(""),
                Optional.ofNullable(a.arn()).orElse(""),
                Optional.ofNullable(a.stateAsString()).orElse("UNKNOWN"),
                tags(client, a.id())));
      }
      return FactValue.present(
          AwsSourceFactory.NAME,
          new AwsAccounts(org.id(), org.masterAccountId(), s.endpointLabel(), out));
    } catch (SdkException e) {
      return FactValue.unavailable(AwsSourceFactory.NAME, AwsErrors.reason(operation, e, s));
    } catch (PagingException e) {
      return FactValue.unavailable(AwsSourceFactory.NAME, e.getMessage());
    }
  }

  private static List<Account> listAccounts(OrganizationsClient client) throws PagingException {
    List<Account> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String token = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String t = token;
      ListAccountsResponse r = client.listAccounts(b -> b.maxResults(20).nextToken(t));
      out.addAll(r.accounts());
      token = r.nextToken();
      if (token == null || token.isEmpty()) {
        return out;
      }
      if (!seen.add(token)) {
        throw new PagingException("ListAccounts returned the same NextToken twice");
      }
    }
    throw new PagingException("ListAccounts did not end after " + MAX_PAGES + " pages");
  }

  private static Map<String, String> tags(OrganizationsClient client, String accountId)
      throws PagingException {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    String token = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String t = token;
      ListTagsForResourceResponse r =
          client.listTagsForResource(b -> b.resourceId(accountId).nextToken(t));
      for (Tag tag : r.tags()) {
        out.put(tag.key(), Optional.ofNullable(tag.value()).orElse(""));
      }
      token = r.nextToken();
      if (token == null || token.isEmpty()) {
        return out;
      }
      if (!seen.add(token)) {
        throw new PagingException(
            "ListTagsForResource returned the same NextToken twice for account " + accountId);
      }
    }
    throw new PagingException(
        "ListTagsForResource did not end after " + MAX_PAGES + " pages for account " + accountId);
  }

  /** A listing that does not end. */
  private static final class PagingException extends Exception {
    private static final long serialVersionUID = 1L;

    PagingException(String message) {
      super("AWS Organizations paging is broken: " + message, null, false, false);
    }
  }

  /** A client for the settings; every HTTP attempt is counted as an API request. */
  static OrganizationsClient client(AwsSettings s, SourceMetrics metrics) {
    var builder =
        OrganizationsClient.builder()
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(30))
                    .build())
            .region(Region.of(s.region()))
            .credentialsProvider(credentials(s.credentials()))
            .overrideConfiguration(
                c ->
                    c.retryStrategy(
                            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS)
                                .backoffStrategy(
                                    BackoffStrategy.exponentialDelay(
                                        Duration.ofMillis(100), Duration.ofSeconds(2)))
                                .throttlingBackoffStrategy(
                                    BackoffStrategy.exponentialDelay(
                                        Duration.ofMillis(200), Duration.ofSeconds(10)))
                                .circuitBreakerEnabled(false)
                                .build())
                        .apiCallTimeout(Duration.ofMinutes(2))
                        .addExecutionInterceptor(new Counting(metrics)));
    s.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(AwsSettings.Credentials c) {
    if (c instanceof AwsSettings.Credentials.Profile p) {
      return ProfileCredentialsProvider.create(p.name());
    }
    if (c instanceof AwsSettings.Credentials.Keys k) {
      return StaticCredentialsProvider.create(
          k.sessionToken().isPresent()
              ? AwsSessionCredentials.create(
                  k.accessKeyId(), k.secretAccessKey().reveal(), k.sessionToken().get().reveal())
              : AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey().reveal()));
    }
    if (c instanceof AwsSettings.Credentials.DefaultChain) {
      return DefaultCredentialsProvider.builder().build();
    }
    return AnonymousCredentialsProvider.create();
  }

  /** Counts each HTTP attempt (retries included) as one request to the {@code aws} source. */
  private record Counting(SourceMetrics metrics) implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
      metrics.request(AwsSourceFactory.NAME);
    }
  }
}
