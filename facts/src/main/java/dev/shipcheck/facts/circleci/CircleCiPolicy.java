package dev.shipcheck.facts.circleci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyProblem;
import dev.shipcheck.core.policy.PolicySection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The policy's {@code circleci:} section: the organisation's CircleCI conventions.
 *
 * @param deploymentOrb the deployment orb as {@code namespace/name}
 * @param deployJobPattern a job name that deploys, where its steps cannot be seen
 * @param testJobPattern a job name that runs tests
 * @param nonProductionEnvironments words that make a deploy job a non-production one
 */
public record CircleCiPolicy(
    Optional<String> deploymentOrb,
    String deployJobPattern,
    String testJobPattern,
    List<String> nonProductionEnvironments) {
  public static final PolicySection<CircleCiPolicy> SECTION = new Section();

  public CircleCiPolicy {
    nonProductionEnvironments = List.copyOf(nonProductionEnvironments);
  }

  /** Registered with {@link java.util.ServiceLoader}; read it through {@link #SECTION}. */
  public static final class Section implements PolicySection<CircleCiPolicy> {
    @Override
    public String key() {
      return "circleci";
    }

    @Override
    public Class<CircleCiPolicy> type() {
      return CircleCiPolicy.class;
    }

    @Override
    public CircleCiPolicy defaults() {
      return new CircleCiPolicy(
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
              "demo"));
    }

    @Override
    public String schemaResource() {
      return "policy-section.json";
    }

    @Override
    public int order() {
      return 20;
    }

    @Override
    public String starter() {
      return """
          circleci:
            # The organisation's deployment orb (Deployment Policy 4 and 7), as namespace/name.
            deploymentOrb: acme/deploy
            # A workflow job whose name matches this deploys (approval jobs never do).
            deployJobPattern: "(?i)deploy|release|publish"
            # A job whose name matches this runs tests.
            testJobPattern: "(?i)test|lint|scan|check"
            # Words that make a deploy job a non-production one.
            nonProductionEnvironments: [dev, development, qa, test, testing, staging, stage, preprod, uat, sandbox, demo]
          """;
    }

    @Override
    public List<PolicyProblem> problems(LoadedPolicy loaded) {
      List<PolicyProblem> problems = new ArrayList<>();
      for (String key : List.of("deployJobPattern", "testJobPattern")) {
        JsonNode n = loaded.written().path("circleci").path(key);
        if (n.isTextual()) {
          try {
            Pattern.compile(n.asText());
          } catch (PatternSyntaxException e) {
            problems.add(
                new PolicyProblem(
                    loaded.source(),
                    loaded.positionOf("/circleci/" + key),
                    "circleci." + key,
                    "not a valid regular expression: " + e.getDescription()));
          }
        }
      }
      return problems;
    }
  }
}
