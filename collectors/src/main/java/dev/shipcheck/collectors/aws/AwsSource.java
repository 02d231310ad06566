package dev.shipcheck.collectors.aws;

import dev.shipcheck.core.policy.PolicySection;
import java.util.Optional;

/**
 * Where and how to reach AWS Organizations: the policy's {@code sources.aws} section.
 *
 * @param endpoint an endpoint override (a proxy, a simulator); the SDK's own otherwise
 * @param profile a named profile of the shared AWS config; the default credential chain otherwise
 */
public record AwsSource(Optional<String> endpoint, String region, Optional<String> profile) {
  public static final PolicySection<AwsSource> SECTION = new Section();

  /** Registered with {@link java.util.ServiceLoader}; read it through {@link #SECTION}. */
  public static final class Section implements PolicySection<AwsSource> {
    @Override
    public String key() {
      return "sources.aws";
    }

    @Override
    public Class<AwsSource> type() {
      return AwsSource.class;
    }

    @Override
    public AwsSource defaults() {
      return new AwsSource(Optional.empty(), "us-east-1", Optional.empty());
    }

    @Override
    public String schemaResource() {
      return "aws-source.json";
    }

    @Override
    public int order() {
      return 40;
    }

    @Override
    public String starter() {
      return "#   aws: { endpoint: null, region: us-east-1, profile: null }";
    }
  }
}
