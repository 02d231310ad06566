package dev.shipcheck.core.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in default policy as a value. {@code default-policy.yml} says the same in YAML (it is
 * what a policy file is merged over); building it here keeps YAML parsing and Jackson binding off a
 * zero-configuration pre-merge scan's start-up. {@code PolicyLoaderTest} holds the two equal.
 */
final class DefaultPolicy {
  private DefaultPolicy() {}

  static Policy build() {
    return new Policy(
        1,
        new Policy.BranchNames(List.of("qa"), List.of("staging"), List.of("production")),
        new Policy.Docker(List.of("Dockerfile", "Containerfile", "docker/Dockerfile")),
        new Policy.CircleCi(
            Optional.empty(),
            "(?i)deploy|release|publish",
            "(?i)test|lint|scan|check",
            List.of(
                "dev",
                "development",
                "qa",
                "test",
                "testing",
                "staging",
                "stage",
                "preprod",
                "uat",
                "sandbox",
                "demo")),
        new Policy.GitHub(new Policy.Protection(1, true, false)),
        new Policy.Aws("Project"),
        new Policy.StatusCake("project:{repo}"),
        new Policy.Sources(
            new Policy.UrlSource("https://api.github.com"),
            new Policy.UrlSource("https://circleci.com"),
            new Policy.AwsSource(Optional.empty(), "us-east-1", Optional.empty()),
            new Policy.UrlSource("https://api.statuscake.com")),
        List.of(),
        new Policy.Scope(List.of("*"), List.of(), List.of(), false, false),
        Map.of(),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
