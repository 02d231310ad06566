package dev.shipcheck.cli.plugin;

import java.util.List;

/**
 * Plugin jars that cannot be used, with every problem found: the scan does not start (exit 2). Each
 * problem names the jar (or directory) and what is wrong with it.
 */
public final class PluginException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public PluginException(List<String> problems) {
    super(String.join("\n", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
