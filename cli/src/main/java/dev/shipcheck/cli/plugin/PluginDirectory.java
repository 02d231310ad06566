package dev.shipcheck.cli.plugin;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory of plugin jars and who named it, for messages: {@code --plugins} or the policy file
 * position of its {@code plugins:} entry.
 */
public record PluginDirectory(Path path, String namedBy) {
  public PluginDirectory {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(namedBy, "namedBy");
  }
}
