package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.yaml.Position;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.Objects;

/** What could be made of {@code .circleci/config.yml}. */
public sealed interface ConfigState {

  /** No config: the file is absent, or a partial listing cannot tell ({@code UNKNOWN}). */
  record Missing(RepoFiles.Presence presence) implements ConfigState {
    public Missing {
      Objects.requireNonNull(presence, "presence");
    }
  }

  /** The file exists but has no text to read (binary, too large, unreadable). */
  record Unreadable(FileContent.Kind kind, String problem) implements ConfigState {}

  /**
   * Not a CircleCI config at the YAML level: invalid YAML, refused (alias bomb, size), or not a
   * mapping; {@code position} is where (line 0 when unknown).
   */
  record NotYaml(Position position, String problem) implements ConfigState {}

  /** Parsed and modelled. */
  record Parsed(CircleCiPipeline pipeline) implements ConfigState {}
}
