package dev.shipcheck.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CredentialTransportTest {
  @Test
  void onlyLiteralLoopbackCountsAsThisMachine() {
    assertThat(CredentialTransport.isLoopback("127.0.0.1")).isTrue();
    assertThat(CredentialTransport.isLoopback("127.255.0.1")).isTrue();
    assertThat(CredentialTransport.isLoopback("LOCALHOST")).isTrue();
    assertThat(CredentialTransport.isLoopback("[::1]")).isTrue();
    for (String host :
        new String[] {
          "127.0.0.1.example.org", "localhost.example.org", "128.0.0.1", "127.0.0.256", "0.0.0.0",
          "10.0.0.1", "[::2]", "127.1", "", "localhost."
        }) {
      assertThat(CredentialTransport.isLoopback(host)).as(host).isFalse();
    }
  }

  @Test
  void theRefusalNamesTheSettingAndTheHostButNoUserInfo() {
    assertThatThrownBy(
            () ->
                CredentialTransport.check(
                    URI.create("http://me:secret@proxy.example:3128/api?token=t"),
                    "GITHUB_TOKEN",
                    "--github-url"))
        .isInstanceOf(CredentialTransport.InsecureEndpointException.class)
        .hasMessageStartingWith(
            "refusing to send GITHUB_TOKEN to http://proxy.example:3128 (set by --github-url)")
        .hasMessageNotContaining("secret")
        .hasMessageNotContaining("token=t");
    assertThatCode(
            () ->
                CredentialTransport.check(
                    URI.create("HTTPS://api.github.com"), "GITHUB_TOKEN", "the default"))
        .doesNotThrowAnyException();
  }
}
