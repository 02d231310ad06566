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
    return List.of(CircleCiConfig.PATH, CircleCiConfig.ROLLBACK_PATH);
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
    return new CircleCiConfig(path, c.ref(), parse(path, c.text()), rollback);
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
