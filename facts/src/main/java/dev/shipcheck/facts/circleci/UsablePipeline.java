package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.fact.Absence;
import dev.shipcheck.core.fact.AbsentFactException;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactDeriver;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.fact.MissingFactException;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The project's CircleCI pipeline when its config can be judged at all; absent otherwise (no
 * config, binary, not YAML, a version CircleCI does not run), with CircleCiConfigured as the cause,
 * so each rule that judges the pipeline decides what its clause demands of "no usable config"
 * ({@code Rule#absent}). Missing (NOT_AVAILABLE) instead when the repository could not answer: a
 * file that could not be read, a listing that cannot tell whether it exists.
 *
 * @param config the config it was read from (its path, for locations)
 */
@FactInfo(
    name = "circleci.usablePipeline",
    description = "the CircleCI pipeline model, when the config can be judged")
public record UsablePipeline(CircleCiConfig config, CircleCiPipeline pipeline) implements Fact {

  /** The rule that judges an unusable config itself. */
  public static final String CAUSE = "CircleCiConfigured";

  public UsablePipeline {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(pipeline, "pipeline");
  }

  /** A place in the config: a line when known, else the file. */
  public Location at(dev.shipcheck.core.yaml.Position p) {
    return p.line() > 0
        ? Location.at(config.path(), p.line(), p.column())
        : Location.file(config.path());
  }

  /** Derived from {@link CircleCiConfig}, once per project. */
  public static final class Deriver implements FactDeriver<UsablePipeline> {
    @Override
    public Class<UsablePipeline> produces() {
      return UsablePipeline.class;
    }

    @Override
    public List<Class<? extends Fact>> inputs() {
      return List.of(CircleCiConfig.class);
    }

    @Override
    public UsablePipeline derive(Facts inputs, Policy policy) {
      CircleCiConfig config = inputs.get(CircleCiConfig.class);
      Optional<String> unusable = config.unusable();
      if (unusable.isPresent() && couldNotAnswer(config)) {
        // Not an answer: the file exists but could not be read, or the listing cannot tell.
        throw new MissingFactException(
            "circleci.usablePipeline",
            new FactValue.Missing<UsablePipeline>(
                "repository", FactValue.Kind.UNAVAILABLE, unusable.get()));
      }
      if (unusable.isPresent()) {
        throw new AbsentFactException(
            new Absence(CAUSE, unusable.get(), Optional.of(Location.file(config.path()))));
      }
      return new UsablePipeline(config, config.pipeline().orElseThrow());
    }

    /**
     * Whether the repository could not say what the config is (CircleCiConfigured is NOT_AVAILABLE
     * then too): a listing that cannot tell whether the file exists, or a file whose text could not
     * be read. A missing file, a binary one, invalid YAML or an unsupported version are answers.
     */
    static boolean couldNotAnswer(CircleCiConfig config) {
      return config.state() instanceof ConfigState.Missing m
              && m.presence() == RepoFiles.Presence.UNKNOWN
          || config.state() instanceof ConfigState.Unreadable u
              && u.kind() != FileContent.Kind.BINARY;
    }
  }
}
