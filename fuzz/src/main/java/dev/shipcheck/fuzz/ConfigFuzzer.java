package dev.shipcheck.fuzz;

import dev.shipcheck.core.yaml.YamlException;
import dev.shipcheck.core.yaml.YamlTree;
import dev.shipcheck.facts.circleci.CircleCiConfigDeriver;
import dev.shipcheck.facts.circleci.ConfigState;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: a {@code .circleci/config.yml} written by whoever opened the pull request. The YAML
 * reader may refuse a document only with a {@link YamlException}, and reading the config model
 * (jobs, workflows, filters, {@code when}/{@code unless}, matrices, orbs) must answer with a {@link
 * ConfigState} for every input, never throw. Any other exception is a finding.
 */
public final class ConfigFuzzer {
  private ConfigFuzzer() {}

  /** Bytes as a file on disk would hold them (the corpus files are plain YAML). */
  public static void fuzzerTestOneInput(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      YamlTree.parse("fuzz.yml", text, YamlTree.Limits.DEFAULT);
    } catch (YamlException e) {
      // a refusal with a position and a reason: the expected outcome for most inputs
    }
    ConfigState state = CircleCiConfigDeriver.parse(".circleci/config.yml", text);
    if (state == null) {
      throw new IllegalStateException("parse returned null");
    }
    if (state instanceof ConfigState.Parsed parsed) {
      // Every message a rule could print must be buildable from the model.
      String shown = parsed.pipeline().toString();
      if (shown.isEmpty()) {
        throw new IllegalStateException("empty model");
      }
    }
  }
}
