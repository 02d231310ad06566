package dev.shipcheck.facts.statuscake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One StatusCake uptime check as {@code GET /v1/uptime} lists it.
 *
 * @param websiteUrl what it watches: a URL for HTTP/HEAD checks, a host name for PING, DNS and the
 *     like
 * @param checkRate seconds between checks
 * @param contactGroups ids of the contact groups alerted when it fails
 * @param status {@code up} or {@code down}
 */
public record UptimeCheck(
    String id,
    String name,
    String websiteUrl,
    String testType,
    int checkRate,
    List<String> contactGroups,
    boolean paused,
    String status,
    List<String> tags) {

  public UptimeCheck {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(websiteUrl, "websiteUrl");
    Objects.requireNonNull(testType, "testType");
    contactGroups = List.copyOf(contactGroups);
    Objects.requireNonNull(status, "status");
    tags = List.copyOf(tags);
  }

  /** The host it watches, lower-cased, when {@code websiteUrl} names one. */
  public Optional<String> host() {
    return hostOf(websiteUrl);
  }

  /** {@code 'shop prod' (id 12)}, for messages. */
  public String label() {
    return "'" + name + "' (id " + id + ")";
  }

  /** The host of a URL or bare host name, lower-cased, without a trailing dot. */
  public static Optional<String> hostOf(String urlOrHost) {
    String s = urlOrHost.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (!s.contains("://")) {
      s = "http://" + s;
    }
    try {
      String host = new URI(s).getHost();
      if (host == null || host.isBlank()) {
        return Optional.empty();
      }
      host = host.toLowerCase(Locale.ROOT);
      return Optional.of(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
