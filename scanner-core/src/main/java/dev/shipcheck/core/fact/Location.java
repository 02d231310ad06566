package dev.shipcheck.core.fact;

import java.util.Objects;

/**
 * A place in the project's repository: a relative path and an optional 1-based region (0 means
 * unknown). Used for SARIF regions and report links.
 */
public record Location(String path, int startLine, int startColumn, int endLine, int endColumn) {
  public Location {
    Objects.requireNonNull(path, "path");
    if (startLine < 0 || startColumn < 0 || endLine < 0 || endColumn < 0) {
      throw new IllegalArgumentException("negative position in " + path);
    }
  }

  public static Location file(String path) {
    return new Location(path, 0, 0, 0, 0);
  }

  public static Location line(String path, int line) {
    return new Location(path, line, 0, 0, 0);
  }

  public static Location at(String path, int line, int column) {
    return new Location(path, line, column, 0, 0);
  }

  public boolean hasRegion() {
    return startLine > 0;
  }

  @Override
  public String toString() {
    if (!hasRegion()) {
      return path;
    }
    return startColumn > 0 ? path + ":" + startLine + ":" + startColumn : path + ":" + startLine;
  }
}
