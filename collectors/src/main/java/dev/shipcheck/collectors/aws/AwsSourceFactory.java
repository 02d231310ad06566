package dev.shipcheck.collectors.aws;

import dev.shipcheck.core.collect.CredentialTransport;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceFactory;
import dev.shipcheck.core.collect.SourceStatus;
import java.util.List;
import java.util.Optional;

/**
 * The {@code aws} source: AWS Organizations accounts, tags and management account through the AWS
 * SDK. See {@link AwsSettings} for when it takes part in a scan.
 */
public final class AwsSourceFactory implements SourceFactory {
  public static final String NAME = "aws";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 40;
  }

  @Override
  public Source create(SourceContext context) {
    Optional<AwsSettings> settings;
    try {
      settings = AwsSettings.from(context);
    } catch (IllegalArgumentException e) {
      String why = "--aws-endpoint or sources.aws.endpoint is not a URL: " + e.getMessage();
      return Source.of(
          SourceStatus.configured(NAME, "(invalid endpoint)"),
          List.of(AwsOrganizationsCollector.broken(why)));
    }
    if (settings.isEmpty()) {
      return Source.notConfigured(
          NAME,
          AwsSettings.HOW_TO_ENABLE,
          List.of(AwsOrganizationsCollector.broken("the aws source is not configured")));
    }
    AwsSettings aws = settings.get();
    if (aws.endpoint().isPresent()
        && !(aws.credentials() instanceof AwsSettings.Credentials.Unsigned)) {
      CredentialTransport.check(
          aws.endpoint().get(),
          "AWS credentials",
          context.settingOf("aws-endpoint", "/sources/aws/endpoint"));
    }
    return Source.of(
        SourceStatus.configured(NAME, settings.get().endpointLabel()),
        List.of(new AwsOrganizationsCollector(settings.get())));
  }
}
