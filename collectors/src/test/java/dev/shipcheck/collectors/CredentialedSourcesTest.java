package dev.shipcheck.collectors;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipcheck.collectors.aws.AwsSourceFactory;
import dev.shipcheck.collectors.circleci.CircleCiSourceFactory;
import dev.shipcheck.collectors.github.GitHubSourceFactory;
import dev.shipcheck.collectors.statuscake.StatusCakeSourceFactory;
import dev.shipcheck.core.collect.CredentialTransport;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceFactory;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyLoader;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every source that sends a credential refuses, at start-up, to send it over plain http to a host
 * that is not this machine, however the endpoint was chosen; loopback and https are fine. Nothing
 * here opens a connection: the refusal comes before any client exists.
 */
class CredentialedSourcesTest {
  private static final String SECRET = "fake-aws-secret-access-key-for-tests";

  /** factory, its endpoint option, its policy key, the environment that gives it a credential. */
  static Stream<Arguments> credentialedSources() {
    return Stream.of(
        Arguments.of(
            new GitHubSourceFactory(),
            "github-url",
            "{github: {url: URL}}",
            Map.of("GITHUB_TOKEN", "tok")),
        Arguments.of(
            new CircleCiSourceFactory(),
            "circleci-url",
            "{circleci: {url: URL}}",
            Map.of("CIRCLECI_TOKEN", "tok")),
        Arguments.of(
            new StatusCakeSourceFactory(),
            "statuscake-url",
            "{statuscake: {url: URL}}",
            Map.of("STATUSCAKE_API_TOKEN", "tok")),
        Arguments.of(
            new AwsSourceFactory(),
            "aws-endpoint",
            "{aws: {endpoint: URL}}",
            Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE12345", "AWS_SECRET_ACCESS_KEY", SECRET)));
  }

  private static SourceContext org(
      LoadedPolicy policy, Map<String, String> options, Map<String, String> env) {
    return SourceHarness.context(ScanMode.ORGANIZATION, policy, options, env);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("credentialedSources")
  void refusesPlainHttpOffThisMachineFromTheFlag(
      SourceFactory f, String option, String sources, Map<String, String> env) {
    assertThatThrownBy(
            () ->
                f.create(
                    org(PolicyLoader.defaults(), Map.of(option, "http://10.1.2.3:8080/x"), env)))
        .isInstanceOf(CredentialTransport.InsecureEndpointException.class)
        .hasMessageContaining("--" + option)
        .hasMessageContaining("http://10.1.2.3:8080")
        .hasMessageNotContaining("tok")
        .hasMessageNotContaining(SECRET);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("credentialedSources")
  void refusesPlainHttpOffThisMachineFromThePolicyFile(
      SourceFactory f, String option, String sources, Map<String, String> env) {
    LoadedPolicy policy =
        SourceHarness.policy(
            "sources: " + sources.replace("URL", "\"http://user:pw@example.org\"") + "\n");
    assertThatThrownBy(() -> f.create(org(policy, Map.of(), env)))
        .isInstanceOf(CredentialTransport.InsecureEndpointException.class)
        .hasMessageContaining("of test-policy.yml")
        .hasMessageContaining("http://example.org")
        .hasMessageNotContaining("pw");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("credentialedSources")
  void acceptsLoopbackOverHttpAndAnyHostOverHttps(
      SourceFactory f, String option, String sources, Map<String, String> env) {
    for (String url :
        new String[] {
          "http://127.0.0.1:9",
          "http://127.8.9.10:9",
          "http://localhost:9",
          "http://[::1]:9",
          "https://ghe.example.org"
        }) {
      assertThatCode(() -> f.create(org(PolicyLoader.defaults(), Map.of(option, url), env)))
          .as(url)
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("credentialedSources")
  void withoutACredentialPlainHttpIsNoConcernOfThisCheck(
      SourceFactory f, String option, String sources, Map<String, String> env) {
    assertThatCode(
            () ->
                f.create(org(PolicyLoader.defaults(), Map.of(option, "http://10.1.2.3"), Map.of())))
        .doesNotThrowAnyException();
  }
}
