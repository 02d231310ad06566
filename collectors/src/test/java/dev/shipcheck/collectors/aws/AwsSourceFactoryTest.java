package dev.shipcheck.collectors.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.collectors.SourceHarness;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceFactory;
import dev.shipcheck.core.policy.PolicyLoader;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AwsSourceFactoryTest {
  private static final String SECRET = "fake-aws-secret-access-key-for-tests";

  private static Source local(Map<String, String> options, Map<String, String> env) {
    return new AwsSourceFactory().create(SourceHarness.local(options, env));
  }

  @Test
  void isRegisteredAsTheAwsSourceAtPriority40() {
    assertThat(ServiceLoader.load(SourceFactory.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(
            f -> {
              assertThat(f.name()).isEqualTo("aws");
              assertThat(f.priority()).isEqualTo(40);
            });
  }

  @Test
  void aLocalScanWithoutAwsSettingsIsNotRunAndSaysHowToEnable() {
    Source s = local(Map.of(), Map.of("PATH", "/usr/bin", "HOME", "/root"));
    assertThat(s.status().configured()).isFalse();
    assertThat(s.status().howToEnable())
        .contains("AWS_PROFILE", "--aws-profile", "organizations:ListAccounts");
    assertThat(s.collectors())
        .singleElement()
        .satisfies(c -> assertThat(c.provides()).isNotEmpty());
  }

  @Test
  void environmentKeysConfigureItWithoutShowingTheSecret() {
    Source s =
        local(
            Map.of(),
            Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE12345", "AWS_SECRET_ACCESS_KEY", SECRET));
    assertThat(s.status().configured()).isTrue();
    assertThat(s.status().endpoint()).isEqualTo("https://organizations.us-east-1.amazonaws.com");
    assertThat(s.status().toString()).doesNotContain(SECRET);
  }

  @Test
  void aProfileFlagOrEnvironmentProfileConfiguresIt() {
    assertThat(local(Map.of("aws-profile", "audit"), Map.of()).status().configured()).isTrue();
    assertThat(local(Map.of(), Map.of("AWS_PROFILE", "audit")).status().configured()).isTrue();
  }

  @Test
  void aNamedProfileBeatsEnvironmentKeysWhichBeatAwsProfile() {
    Map<String, String> env =
        Map.of(
            "AWS_ACCESS_KEY_ID",
            "AKIDEXAMPLE12345",
            "AWS_SECRET_ACCESS_KEY",
            SECRET,
            "AWS_PROFILE",
            "dev");
    assertThat(
            AwsSettings.from(SourceHarness.local(Map.of("aws-profile", "audit"), env))
                .orElseThrow()
                .credentials())
        .isEqualTo(new AwsSettings.Credentials.Profile("audit"));
    assertThat(AwsSettings.from(SourceHarness.local(Map.of(), env)).orElseThrow().credentials())
        .isInstanceOf(AwsSettings.Credentials.Keys.class)
        .hasToString("Keys[AKID...2345]");
    assertThat(
            AwsSettings.from(SourceHarness.local(Map.of(), Map.of("AWS_PROFILE", "dev")))
                .orElseThrow()
                .credentials())
        .isEqualTo(new AwsSettings.Credentials.Profile("dev"));
  }

  @Test
  void webIdentityCredentialsConfigureIt() {
    assertThat(
            local(
                    Map.of(),
                    Map.of(
                        "AWS_WEB_IDENTITY_TOKEN_FILE",
                        "/tmp/t",
                        "AWS_ROLE_ARN",
                        "arn:aws:iam::1:role/x"))
                .status()
                .configured())
        .isTrue();
  }

  @Test
  void thePolicySectionOptsInOnlyForAnOrganisationScan() {
    var policy = SourceHarness.policy("sources: {aws: {region: us-east-1}}\n");
    var factory = new AwsSourceFactory();
    assertThat(
            factory
                .create(SourceHarness.context(ScanMode.ORGANIZATION, policy, Map.of(), Map.of()))
                .status()
                .configured())
        .isTrue();
    assertThat(
            factory
                .create(SourceHarness.context(ScanMode.LOCAL, policy, Map.of(), Map.of()))
                .status()
                .configured())
        .isFalse();
    assertThat(
            factory
                .create(
                    SourceHarness.context(
                        ScanMode.ORGANIZATION, PolicyLoader.defaults(), Map.of(), Map.of()))
                .status()
                .configured())
        .isFalse();
  }

  @Test
  void theEndpointFlagWinsOverThePolicyEndpoint() {
    var policy = SourceHarness.policy("sources: {aws: {endpoint: \"http://policy.example:1\"}}\n");
    Source s =
        new AwsSourceFactory()
            .create(
                SourceHarness.context(
                    ScanMode.LOCAL,
                    policy,
                    Map.of("aws-endpoint", "http://127.0.0.1:9"),
                    Map.of()));
    assertThat(s.status().endpoint()).isEqualTo("http://127.0.0.1:9");
  }

  @Test
  void aBadEndpointFlagIsReportedNotThrown() throws Exception {
    Source s = local(Map.of("aws-endpoint", "http://bad host"), Map.of());
    assertThat(s.status().configured()).isTrue();
    var value = new SourceHarness().collectShared(s, dev.shipcheck.facts.aws.AwsAccounts.class);
    assertThat(value.toString()).contains("not a URL");
  }
}
