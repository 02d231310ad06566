package dev.shipcheck.cli.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A plugin jar that was loaded, with the ids of the rules it contributed.
 *
 * @param name the jar's file name: the origin of its rules in reports and messages
 */
public record PluginJar(Path file, String name, int ruleApi, List<String> ruleIds) {
  public PluginJar {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    ruleIds = List.copyOf(ruleIds);
  }
}
