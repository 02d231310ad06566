package dev.shipcheck.core.yaml;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each value (and each mapping key) of a parsed YAML document starts, by JSON pointer ({@code
 * /waivers/0/expires}). Values reached through an alias report the anchor's position.
 */
public final class SourceMap {
  private final Map<String, Position> values = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();

  void value(String pointer, Position p) {
    values.putIfAbsent(pointer, p);
  }

  void key(String pointer, Position p) {
    keys.putIfAbsent(pointer, p);
  }

  /** The position of the value at {@code pointer}, or of its nearest ancestor. */
  public Position valueAt(String pointer) {
    String p = pointer;
    while (true) {
      Position found = values.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return Position.UNKNOWN;
      }
      p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
    }
  }

  /** The position of the mapping key naming {@code pointer}, else of its value. */
  public Position keyAt(String pointer) {
    Position found = keys.get(pointer);
    return found != null ? found : valueAt(pointer);
  }

  /** Escapes one JSON pointer token. */
  public static String token(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
