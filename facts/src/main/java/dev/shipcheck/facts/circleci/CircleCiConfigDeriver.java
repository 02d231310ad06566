package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactDeriver;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.yaml.Position;
import dev.shipcheck.core.yaml.YamlException;
import dev.shipcheck.core.yaml.YamlTree;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.List;
import java.util.Optional;

/** Parses {@code .circleci/config.yml} from the repository files into a {@link CircleCiConfig}. */
public final class CircleCiConfigDeriver implements FactDeriver<CircleCiConfig> {

  @Override
  public Class<CircleCiConfig> produces() {
    return CircleCiConfig.class;
  }

  /**
   * Asked when a scan is planned and a selected rule needs the config, before collection: the
   * moment to start compiling the schema in the background (see {@link
   * SchemaDiagnostics#prepareInBackground}).
   */
  @Override
  public List<Class<? extends Fact>> inputs() {
    SchemaDiagnostics.prepareInBackground();
    return List.of(RepoFiles.class);
  }

  @Override
  public List<String> files(Policy policy) {
    // a setup config continues with another file under .circleci/ (dynamic configuration)
    return List.of(
        CircleCiConfig.PATH, CircleCiConfig.ROLLBACK_PATH, ".circleci/*.yml", ".circleci/*.yaml");
  }

  @Override
  public CircleCiConfig derive(Facts inputs, Policy policy) {
    return derive(inputs.get(RepoFiles.class));
  }

  /** The model of the config in these files. */
  public static CircleCiConfig derive(RepoFiles files) {
    String path = files.find(CircleCiConfig.PATH).orElse(CircleCiConfig.PATH);
    RepoFiles.Presence rollback = files.presence(CircleCiConfig.ROLLBACK_PATH);
    RepoFiles.Presence presence = files.presence(CircleCiConfig.PATH);
    if (presence != RepoFiles.Presence.PRESENT) {
      return new CircleCiConfig(path, files.ref(), new ConfigState.Missing(presence), rollback);
    }
    Optional<FileContent> content = files.content(CircleCiConfig.PATH);
    if (content.isEmpty()) {
      return new CircleCiConfig(
          path,
          files.ref(),
          new ConfigState.Unreadable(
              FileContent.Kind.UNREADABLE, "its content was not collected in this scan"),
          rollback);
    }
    FileContent c = content.get();
    if (!c.isText()) {
      return new CircleCiConfig(
          path, files.ref(), new ConfigState.Unreadable(c.kind(), c.problem()), rollback);
    }
    ConfigState state = parse(path, c.text());
    if (state instanceof ConfigState.Parsed p && p.pipeline().setup()) {
      return continued(files, path, c.ref(), p.pipeline(), rollback);
    }
    return new CircleCiConfig(path, c.ref(), state, rollback);
  }

  /**
   * A setup config generates the pipeline CircleCI runs: judge the config it continues with when
   * that file is in the repository; otherwise what runs cannot be seen (NOT_AVAILABLE, naming the
   * generated part).
   */
  private static CircleCiConfig continued(
      RepoFiles files,
      String path,
      String ref,
      CircleCiPipeline setup,
      RepoFiles.Presence rollback) {
    java.util.Set<String> targets = Continuation.targets(setup);
    if (targets.size() == 1) {
      String target = targets.iterator().next();
      Optional<FileContent> next =
          files.presence(target) == RepoFiles.Presence.PRESENT
              ? files.content(target)
              : Optional.empty();
      if (next.isPresent() && next.get().isText()) {
        String at = files.find(target).orElse(target);
        return new CircleCiConfig(at, next.get().ref(), parse(at, next.get().text()), rollback);
      }
    }
    String why =
        targets.isEmpty()
            ? "it is a setup config (setup: true) whose continuation config is generated at run"
                + " time, so the pipeline CircleCI runs is not in the repository"
            : targets.size() > 1
                ? "it is a setup config (setup: true) that continues with one of "
                    + targets
                    + " chosen at run time"
                : "it is a setup config (setup: true) that continues with "
                    + targets.iterator().next()
                    + ", which is not in the repository (generated at run time)";
    return new CircleCiConfig(
        path, ref, new ConfigState.Unreadable(FileContent.Kind.UNREADABLE, why), rollback);
  }

  /** Parses config text: safe YAML (aliases, merges, bomb limits), then the model. */
  public static ConfigState parse(String path, String text) {
    YamlTree.Parsed parsed;
    try {
      parsed = YamlTree.parse(path, text, YamlTree.Limits.DEFAULT);
    } catch (YamlException e) {
      return new ConfigState.NotYaml(e.position(), e.problem());
    }
    if (!parsed.root().isObject()) {
      String what =
          parsed.root().isMissingNode()
              ? "the file is empty"
              : "the document is a " + kind(parsed.root()) + ", not a mapping of keys";
      return new ConfigState.NotYaml(
          parsed.root().isMissingNode() ? Position.UNKNOWN : parsed.positions().valueAt(""), what);
    }
    CircleCiPipeline pipeline = ConfigReader.read(parsed.root(), parsed.positions());
    return new ConfigState.Parsed(
        pipeline.withSchemaDiagnostics(SchemaDiagnostics.of(parsed.root(), parsed.positions())));
  }

  private static String kind(com.fasterxml.jackson.databind.JsonNode n) {
    if (n.isArray()) {
      return "list";
    }
    return n.isNull() ? "null value" : "single value '" + n.asText() + "'";
  }
}
