package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.yaml.Position;
import java.util.Objects;

/** An entry of {@code orbs:}: the alias jobs use ({@code alias/job}) and where it comes from. */
public record OrbDeclaration(String alias, String written, OrbSource source, Position position) {
  public OrbDeclaration {
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(position, "position");
  }
}
