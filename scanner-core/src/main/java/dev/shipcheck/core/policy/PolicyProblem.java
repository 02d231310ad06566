package dev.shipcheck.core.policy;

import dev.shipcheck.core.yaml.Position;
import java.util.Objects;

/**
 * One thing wrong with a policy file: where, at which key, and what was expected.
 *
 * @param path the dotted key path, e.g. {@code docker.paths[0]}; empty for the whole file
 */
public record PolicyProblem(String source, Position position, String path, String message) {
  public PolicyProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:column: path: message}, the form editors and CI logs link. */
  @Override
  public String toString() {
    String where = position.line() > 0 ? source + ":" + position : source;
    return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
