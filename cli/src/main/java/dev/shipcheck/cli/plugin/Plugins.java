package dev.shipcheck.cli.plugin;

import dev.shipcheck.core.rule.RegisteredRule;
import java.io.IOException;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin jars of a scan, each loaded whole, and their rules. Closing it closes the jars' class
 * loaders; their rules must not run after that.
 */
public final class Plugins implements AutoCloseable {
  private final List<PluginJar> jars;
  private final List<RegisteredRule> rules;
  private final List<String> notes;
  private final List<URLClassLoader> loaders;

  Plugins(
      List<PluginJar> jars,
      List<RegisteredRule> rules,
      List<String> notes,
      List<URLClassLoader> loaders) {
    this.jars = List.copyOf(jars);
    this.rules = List.copyOf(rules);
    this.notes = List.copyOf(notes);
    this.loaders = new ArrayList<>(loaders);
  }

  /** No plugins. */
  public static Plugins none() {
    return new Plugins(List.of(), List.of(), List.of(), List.of());
  }

  public List<PluginJar> jars() {
    return jars;
  }

  /** Every plugin rule, jar by jar. */
  public List<RegisteredRule> rules() {
    return rules;
  }

  /** Things worth telling the user that are not errors, e.g. a plugin directory with no jars. */
  public List<String> notes() {
    return notes;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (URLClassLoader l : loaders) {
      try {
        l.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    loaders.clear();
    if (first != null) {
      throw first;
    }
  }
}
