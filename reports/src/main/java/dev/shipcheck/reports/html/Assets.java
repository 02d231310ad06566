package dev.shipcheck.reports.html;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report's own stylesheet and script, inlined so the file is self-contained, and the
 * Content-Security-Policy that lets exactly these two run and nothing else: no other script or
 * style, no request of any kind ({@code default-src 'none'}), no markup injected through DOM sinks
 * (Trusted Types), no form, no base URL.
 */
public record Assets(Asset style, Asset script, String contentSecurityPolicy) {
  private static final String BASE = "/dev/shipcheck/reports/html/";

  static Assets load() {
    return Holder.ASSETS;
  }

  /** Inline CSS or JavaScript that we wrote and ship; written into the page as it is. */
  public record Asset(String text) implements Content {
    @Override
    public void writeTo(TemplateOutput output) {
      output.writeContent(text);
    }

    /** The CSP source expression that allows exactly this text inline. */
    public String hashSource() {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class Holder {
    static final Assets ASSETS = create();

    private static Assets create() {
      Asset style = new Asset(read("report.css"));
      Asset script = new Asset(read("report.js"));
      String csp =
          String.join(
              "; ",
              "default-src 'none'",
              "script-src " + script.hashSource(),
              "style-src " + style.hashSource(),
              "base-uri 'none'",
              "form-action 'none'",
              "require-trusted-types-for 'script'",
              "trusted-types 'none'");
      return new Assets(style, script, csp);
    }

    private static String read(String name) {
      try (InputStream in = Assets.class.getResourceAsStream(BASE + name)) {
        if (in == null) {
          throw new IllegalStateException(
              "report asset " + BASE + name + " is missing from the jar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
