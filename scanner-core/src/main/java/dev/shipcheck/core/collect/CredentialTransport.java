package dev.shipcheck.core.collect;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one check every source that sends a credential makes on where it sends it: never over plain
 * {@code http} to a host that is not this machine, whoever configured the endpoint (the flags, the
 * policy file or a default). A local proxy or simulator on loopback ({@code 127.0.0.0/8}, {@code
 * ::1}, {@code localhost}) may still be reached over http.
 *
 * <p>Host names other than {@code localhost} are not resolved: a name that happens to resolve to
 * 127.0.0.1 today is still a name someone else may answer for tomorrow.
 */
public final class CredentialTransport {
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private CredentialTransport() {}

  /**
   * Refuses to send {@code credential} to {@code endpoint} over plain http off this machine.
   *
   * @param credential what would be sent, for the message (e.g. {@code GITHUB_TOKEN}); never its
   *     value
   * @param setting where the endpoint was chosen, for the message (e.g. {@code --github-url} or
   *     {@code sources.github.url of shipcheck.yml})
   * @throws InsecureEndpointException naming the setting and the endpoint (without any user info)
   */
  public static void check(URI endpoint, String credential, String setting) {
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme();
    if (scheme.equalsIgnoreCase("https") || isLoopback(endpoint.getHost())) {
      return;
    }
    throw new InsecureEndpointException(
        "refusing to send "
            + credential
            + " to "
            + shown(endpoint)
            + " (set by "
            + setting
            + "): plain "
            + scheme.toLowerCase(Locale.ROOT)
            + " to a host that is not this machine; use an https URL (plain http is accepted only"
            + " for 127.0.0.1, ::1 or localhost)");
  }

  /** Whether {@code host} (as {@link URI#getHost()} gives it) is this machine's loopback. */
  public static boolean isLoopback(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    if (h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]")) {
      return true;
    }
    var m = IPV4.matcher(h);
    return m.matches() && m.group(1).equals("127") && octetsValid(h);
  }

  private static boolean octetsValid(String dotted) {
    for (String part : dotted.split("\\.")) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** The endpoint as printed: scheme, host and port only, so no user info or query leaks. */
  private static String shown(URI endpoint) {
    String host = endpoint.getHost() == null ? "(no host)" : endpoint.getHost();
    return endpoint.getScheme()
        + "://"
        + host
        + (endpoint.getPort() >= 0 ? ":" + endpoint.getPort() : "");
  }

  /** A credential would travel in the clear off this machine; the scan must not start. */
  public static final class InsecureEndpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InsecureEndpointException(String message) {
      super(message, null, false, false);
    }
  }
}
