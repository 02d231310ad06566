package dev.shipcheck.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.yaml.Position;
import dev.shipcheck.core.yaml.SourceMap;
import java.util.Objects;

/**
 * A policy with where it came from.
 *
 * @param source the file path as given, or {@link PolicyLoader#BUILT_IN}
 * @param sha256 hash of the file's bytes (of the built-in default's text when there is no file)
 * @param written the tree of what the file itself says, before defaults were merged in
 */
public record LoadedPolicy(
    Policy policy, String source, String sha256, JsonNode written, SourceMap positions) {

  public LoadedPolicy {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(positions, "positions");
  }

  public boolean isBuiltIn() {
    return source.equals(PolicyLoader.BUILT_IN);
  }

  /** Whether the file itself sets the value at this JSON pointer (e.g. {@code /sources/aws}). */
  public boolean sets(String pointer) {
    JsonNode n = written.at(pointer);
    return !n.isMissingNode() && !n.isNull();
  }

  public Position positionOf(String pointer) {
    return positions.valueAt(pointer);
  }

  public Position keyPositionOf(String pointer) {
    return positions.keyAt(pointer);
  }
}
