package dev.shipcheck.facts.circleci;

import java.util.Objects;

/**
 * A top-level pipeline parameter; a push pipeline uses its {@code defaultValue} ({@link Value.Null}
 * when it has none).
 */
public record PipelineParameter(String name, String type, Value defaultValue) {
  public PipelineParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }
}
