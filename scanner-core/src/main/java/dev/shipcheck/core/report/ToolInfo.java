package dev.shipcheck.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Properties;

/** The name, version and source revision of the running Shipcheck. */
public record ToolInfo(String name, String version, String revision) {
  public static final String NAME = "Shipcheck";

  public ToolInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(revision, "revision");
  }

  public static ToolInfo current() {
    return Holder.CURRENT;
  }

  private static final class Holder {
    static final ToolInfo CURRENT = read();

    private static ToolInfo read() {
      Properties p = new Properties();
      try (InputStream in =
          ToolInfo.class.getResourceAsStream("/dev/shipcheck/core/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // fall through to "unknown"
      }
      String version = p.getProperty("version", "unknown");
      String revision = p.getProperty("revision", "");
      if (revision.isBlank() || revision.startsWith("${")) {
        revision = "unknown";
      }
      return new ToolInfo(NAME, version, revision);
    }
  }
}
