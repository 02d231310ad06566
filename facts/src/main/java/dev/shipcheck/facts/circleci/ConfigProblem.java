package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.yaml.Position;
import java.util.Objects;

/** Something in the config that CircleCI would reject or that could not be modelled. */
public record ConfigProblem(Position position, String message) {
  public ConfigProblem {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (position.line() > 0 ? "line " + position.line() + ": " : "") + message;
  }
}
