package dev.shipcheck.core.collect;

import dev.shipcheck.core.policy.LoadedPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SourceFactory} may use to decide whether its source is configured and how to reach
 * it: the scan mode, the policy (with its {@code sources:} endpoints), command-line endpoint
 * overrides, and environment variables (tokens). Nothing here is ever printed.
 *
 * @param repository the local checkout in a {@link ScanMode#LOCAL} scan
 * @param organization the GitHub organisation in a {@link ScanMode#ORGANIZATION} scan
 * @param options command-line options by long name without dashes (e.g. {@code github-url})
 * @param env environment variables (tokens: {@code GITHUB_TOKEN}, {@code CIRCLECI_TOKEN}, ...)
 */
public record SourceContext(
    ScanMode mode,
    Optional<Path> repository,
    Optional<String> organization,
    LoadedPolicy policy,
    Map<String, String> options,
    Map<String, String> env,
    Clock clock) {

  /** The option naming the sources asked for, comma-separated (e.g. {@code github,aws}). */
  public static final String USE_OPTION = "use";

  public SourceContext {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(policy, "policy");
    options = Map.copyOf(options);
    env = Map.copyOf(env);
    Objects.requireNonNull(clock, "clock");
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name)).filter(s -> !s.isBlank());
  }

  /**
   * Whether the operator asked for this source by name: the {@value #USE_OPTION} option (which the
   * command line also fills from a source's endpoint flags) or the policy's {@code require:}. A
   * scan of a repository calls no outside API that was not asked for: a token in the environment is
   * not enough.
   */
  public boolean requested(String source) {
    if (policy.policy().require().contains(source)) {
      return true;
    }
    return option(USE_OPTION).stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .anyMatch(s -> s.strip().equals(source));
  }

  /**
   * Which setting chose an endpoint, for messages: the command-line option if given, else the
   * policy file's key, else the built-in default.
   *
   * @param option the option's long name, e.g. {@code github-url}
   * @param policyPointer the policy key as a JSON pointer, e.g. {@code /sources/github/url}
   */
  public String settingOf(String option, String policyPointer) {
    if (option(option).isPresent()) {
      return "--" + option;
    }
    if (policy.sets(policyPointer)) {
      return policyPointer.substring(1).replace('/', '.') + " of " + policy.source();
    }
    return "the default";
  }

  /** A secret from the environment, e.g. {@code GITHUB_TOKEN}. */
  public Optional<Secret> secret(String envName) {
    return Optional.ofNullable(env.get(envName)).filter(s -> !s.isBlank()).map(Secret::of);
  }
}
