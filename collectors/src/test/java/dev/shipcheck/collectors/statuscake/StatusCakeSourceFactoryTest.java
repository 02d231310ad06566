package dev.shipcheck.collectors.statuscake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.collectors.SourceHarness;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Source;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusCakeSourceFactoryTest {
  @Test
  void notConfiguredWithoutTokenOrUrlAndSaysHow() {
    Source s = new StatusCakeSourceFactory().create(SourceHarness.local(Map.of(), Map.of()));
    assertThat(s.status().configured()).isFalse();
    assertThat(s.status().howToEnable()).contains("STATUSCAKE_API_TOKEN");
  }

  @Test
  void theTokenConfiguresItAtThePolicyUrlWithoutShowingTheToken() {
    var policy =
        SourceHarness.policy("sources: {statuscake: {url: \"https://sc.proxy.example/\"}}\n");
    Source s =
        new StatusCakeSourceFactory()
            .create(
                SourceHarness.context(
                    ScanMode.ORGANIZATION,
                    policy,
                    Map.of(),
                    Map.of("STATUSCAKE_API_TOKEN", "s3cr3t")));
    assertThat(s.status().configured()).isTrue();
    assertThat(s.status().endpoint()).isEqualTo("https://sc.proxy.example/v1");
    assertThat(s.status().toString()).doesNotContain("s3cr3t");
    assertThat(new StatusCakeSourceFactory().priority()).isEqualTo(50);
  }

  @Test
  void theUrlMayAlreadyEndInV1() {
    assertThat(StatusCakeCollector.apiBase("https://api.statuscake.com/v1/").toString())
        .isEqualTo("https://api.statuscake.com/v1");
  }
}
