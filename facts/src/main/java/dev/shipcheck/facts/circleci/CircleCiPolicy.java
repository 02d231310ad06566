package dev.shipcheck.facts.circleci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyProblem;
import dev.shipcheck.core.policy.PolicySection;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.regex.RegexRefused;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy's {@code circleci:} section: the organisation's CircleCI conventions. The job-name
 * patterns are Java syntax, searched for anywhere in a name and matched in linear time ({@link
 * #deployJobRegex()}, {@link #testJobRegex()}); loading refuses one that needs backtracking, so a
 * policy file cannot stall an audit.
 *
 * @param deploymentOrb the deployment orb as {@code namespace/name}
 * @param deployJobPattern a job name that deploys, where its steps cannot be seen
 * @param testJobPattern a job name that runs tests
 * @param nonProductionEnvironments words that make a deploy job a non-production one
 * @param packagePublishIsDeploy whether publishing a package ({@code npm publish}, {@code mvn
 *     deploy}, {@code twine upload}, {@code gem push}, {@code docker push}) counts as a production
 *     deploy (for a project whose product is the package); default false
 */
public record CircleCiPolicy(
    Optional<String> deploymentOrb,
    String deployJobPattern,
    String testJobPattern,
    List<String> nonProductionEnvironments,
    boolean packagePublishIsDeploy) {
  public static final PolicySection<CircleCiPolicy> SECTION = new Section();

  public CircleCiPolicy {
    nonProductionEnvironments = List.copyOf(nonProductionEnvironments);
  }

  /** A section without {@code packagePublishIsDeploy} (false), as 0.1 policies read. */
  public CircleCiPolicy(
      Optional<String> deploymentOrb,
      String deployJobPattern,
      String testJobPattern,
      List<String> nonProductionEnvironments) {
    this(deploymentOrb, deployJobPattern, testJobPattern, nonProductionEnvironments, false);
  }

  /**
   * {@code deployJobPattern} compiled for linear-time matching: {@code find} on a job name.
   *
   * @throws RegexRefused for a pattern loading would have refused (a policy built in code)
   */
  public LinearRegex deployJobRegex() {
    return jobNamePattern(deployJobPattern);
  }

  /** {@code testJobPattern} compiled as {@link #deployJobRegex()} is. */
  public LinearRegex testJobRegex() {
    return jobNamePattern(testJobPattern);
  }

  /** How a job-name pattern of this section is compiled (and validated when loading). */
  public static LinearRegex jobNamePattern(String pattern) {
    return LinearRegex.compile(pattern, LinearRegex.Syntax.JAVA);
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
              "demo"),
          false);
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
            # A job deploys when its steps run a deploy tool (helm upgrade, kubectl apply, aws ecs
            # update-service, terraform apply, ...) or record a deploy marker; where its steps are
            # not in the config (an orb job), a name matching this counts (approvals never do).
            deployJobPattern: "(?i)deploy|release|publish"
            # A job whose name matches this runs tests.
            testJobPattern: "(?i)test|lint|scan|check"
            # Words that make a deploy job a non-production one.
            nonProductionEnvironments: [dev, development, qa, test, testing, staging, stage, preprod, uat, sandbox, demo]
            # Whether publishing a package (npm publish, mvn deploy, docker push) is a production deploy.
            packagePublishIsDeploy: false
          """;
    }

    @Override
    public List<PolicyProblem> problems(LoadedPolicy loaded) {
      List<PolicyProblem> problems = new ArrayList<>();
      for (String key : List.of("deployJobPattern", "testJobPattern")) {
        JsonNode n = loaded.written().path("circleci").path(key);
        if (n.isTextual()) {
          try {
            jobNamePattern(n.asText());
          } catch (RegexRefused e) {
            problems.add(
                new PolicyProblem(
                    loaded.source(),
                    loaded.positionOf("/circleci/" + key),
                    "circleci." + key,
                    e.kind() == RegexRefused.Kind.INVALID
                        ? e.reason().replaceFirst("^is ", "")
                        : "cannot be matched in linear time: the pattern "
                            + e.reasonAt()
                            + " (Shipcheck matches policy patterns with RE2/J, which never"
                            + " backtracks)"));
          }
        }
      }
      return problems;
    }
  }
}
