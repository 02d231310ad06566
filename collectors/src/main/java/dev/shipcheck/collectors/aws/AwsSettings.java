package dev.shipcheck.collectors.aws;

import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.collect.SourceContext;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach AWS Organizations in this scan, and whether to at all.
 *
 * <p>The source takes part when it is given something to work with: {@code --aws-profile} or {@code
 * --aws-endpoint}; credentials in the environment ({@code AWS_ACCESS_KEY_ID} with {@code
 * AWS_SECRET_ACCESS_KEY}, {@code AWS_PROFILE}, web-identity or container credentials); or, in an
 * organisation scan only, a {@code sources.aws} section written in the policy file, which opts in
 * to the SDK's whole default chain including an EC2 instance role. A local scan never reads {@code
 * sources.aws} as that opt-in, because the same central policy serves pre-merge checks, which must
 * stay fast and must not probe instance metadata for credentials that are not there.
 *
 * @param endpoint an endpoint override ({@code --aws-endpoint}, else {@code sources.aws.endpoint})
 * @param credentials which credentials sign the requests
 */
record AwsSettings(Optional<URI> endpoint, String region, Credentials credentials) {

  /** The environment variables that carry AWS credentials (names only; values are secrets). */
  static final String ACCESS_KEY = "AWS_ACCESS_KEY_ID";

  static final String SECRET_KEY = "AWS_SECRET_ACCESS_KEY";
  static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";
  static final String PROFILE = "AWS_PROFILE";

  static final String HOW_TO_ENABLE =
      "give AWS credentials of the organisation's management account or a delegated administrator"
          + " (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE or --aws-profile, or"
          + " web-identity credentials); they need organizations:DescribeOrganization,"
          + " organizations:ListAccounts and organizations:ListTagsForResource";

  AwsSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
  }

  /** Where the requests go, for reports (never a secret). */
  String endpointLabel() {
    return endpoint.map(URI::toString).orElse("https://organizations." + region + ".amazonaws.com");
  }

  /** Which credentials sign the requests. Secrets stay in {@link Secret}s. */
  sealed interface Credentials {
    /** A named profile of the shared AWS config files. */
    record Profile(String name) implements Credentials {}

    /** Keys from the scan's environment. */
    record Keys(String accessKeyId, Secret secretAccessKey, Optional<Secret> sessionToken)
        implements Credentials {
      @Override
      public String toString() {
        return "Keys[" + AwsErrors.masked(accessKeyId) + "]";
      }
    }

    /** The SDK's default chain (web identity, container, instance role, ...). */
    record DefaultChain() implements Credentials {}

    /** No credentials: requests go unsigned (an endpoint given without credentials). */
    record Unsigned() implements Credentials {}
  }

  /** The settings, or empty when the source is not configured for this scan. */
  static Optional<AwsSettings> from(SourceContext ctx) {
    AwsSource policy = ctx.policy().policy().section(AwsSource.SECTION);
    Optional<String> keyId = env(ctx, ACCESS_KEY);
    Optional<Secret> secret = ctx.secret(SECRET_KEY);
    boolean keys = keyId.isPresent() && secret.isPresent();
    boolean flags = ctx.option("aws-endpoint").isPresent() || ctx.option("aws-profile").isPresent();
    boolean envChain =
        env(ctx, "AWS_WEB_IDENTITY_TOKEN_FILE").isPresent() && env(ctx, "AWS_ROLE_ARN").isPresent()
            || env(ctx, "AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()
            || env(ctx, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent();
    boolean policyOptIn = ctx.mode() == ScanMode.ORGANIZATION && ctx.policy().sets("/sources/aws");
    if (!flags && !keys && !envChain && !policyOptIn && env(ctx, PROFILE).isEmpty()) {
      return Optional.empty();
    }
    Optional<URI> endpoint =
        ctx.option("aws-endpoint").or(policy::endpoint).map(s -> URI.create(s.strip()));
    // As with the AWS CLI: a named profile beats keys in the environment, which beat AWS_PROFILE.
    Optional<String> profile = ctx.option("aws-profile").or(policy::profile);
    Credentials credentials;
    if (profile.isPresent()) {
      credentials = new Credentials.Profile(profile.get());
    } else if (keys) {
      credentials = new Credentials.Keys(keyId.get(), secret.get(), ctx.secret(SESSION_TOKEN));
    } else if (env(ctx, PROFILE).isPresent()) {
      credentials = new Credentials.Profile(env(ctx, PROFILE).get());
    } else if (envChain || policyOptIn) {
      credentials = new Credentials.DefaultChain();
    } else {
      credentials = new Credentials.Unsigned();
    }
    return Optional.of(new AwsSettings(endpoint, policy.region(), credentials));
  }

  private static Optional<String> env(SourceContext ctx, String name) {
    return Optional.ofNullable(ctx.env().get(name)).filter(s -> !s.isBlank());
  }
}
