package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.regex.LinearRegex;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a step does, read from its shell text and its orb command (issue 17): run a deploy tool
 * against an environment, publish a package, record a deploy. Every pattern is built in, compiled
 * once, and matched in linear time ({@link LinearRegex}), since the text is the repository's.
 */
final class DeploySteps {
  private DeploySteps() {}

  private static LinearRegex re(String pattern) {
    return LinearRegex.compile(pattern, LinearRegex.Syntax.RE2, LinearRegex.Option.MULTILINE);
  }

  /** A command that changes what runs in an environment. */
  static final LinearRegex DEPLOY_TOOL =
      re(
          "\\bkubectl\\b[^\\n;&|]*\\b(?:apply|set\\s+image|rollout\\s+(?:restart|undo))\\b"
              + "|\\bhelm\\b[^\\n;&|]*\\b(?:upgrade|install)\\b"
              + "|\\bhelmfile\\b[^\\n;&|]*\\b(?:apply|sync)\\b"
              + "|\\baws\\s+ecs\\s+(?:update-service|deploy)\\b"
              + "|\\baws\\s+deploy\\s+(?:create-deployment|push|deploy)\\b"
              + "|\\baws\\s+lambda\\s+update-function-code\\b"
              + "|\\baws\\s+cloudformation\\s+(?:deploy|update-stack|create-stack)\\b"
              + "|\\bsam\\s+deploy\\b"
              + "|\\b(?:serverless|sls)\\s+deploy\\b"
              + "|\\bterraform\\b[^\\n;&|]*\\bapply\\b"
              + "|\\bcdk\\s+deploy\\b"
              + "|\\bcf\\s+(?:push|zero-downtime-push|blue-green-deploy)\\b"
              + "|\\bgit\\s+push\\b[^\\n;&|]*\\bheroku\\b"
              + "|\\bheroku\\s+(?:container:release|deploy|releases:rollback)\\b"
              + "|\\bfly(?:ctl)?\\s+deploy\\b"
              + "|\\bgcloud\\b[^\\n;&|]*\\b(?:run\\s+deploy|app\\s+deploy|functions\\s+deploy)\\b"
              + "|\\baz\\s+(?:webapp|functionapp)\\b[^\\n;&|]*\\bdeploy\\b"
              + "|\\beb\\s+deploy\\b"
              + "|\\bansible-playbook\\b"
              + "|\\b(?:bundle\\s+exec\\s+)?cap\\s+[A-Za-z0-9_:-]+\\s+deploy\\b"
              + "|\\bcapistrano\\b"
              + "|\\bkamal\\s+deploy\\b"
              + "|\\bfirebase\\s+deploy\\b"
              + "|\\bnetlify\\s+deploy\\b"
              + "|\\bvercel\\b[^\\n;&|]*--prod\\b"
              + "|\\bhokusai\\s+(?:production|staging)\\s+deploy\\b"
              // a script or target named for deploying: ./deploy.sh, make deploy, npm run deploy
              + "|(?:^|[\\s/])[A-Za-z0-9_.-]*deploy[A-Za-z0-9_.-]*\\.(?:sh|py|rb|js)\\b"
              + "|(?:^|[\\s;&|(])(?:\\.{0,2}/)?(?:[A-Za-z0-9_.-]+/)+[A-Za-z0-9_.-]*deploy[A-Za-z0-9_.-]*"
              + "(?:\\s|$)"
              + "|\\bmake\\b[^\\n;&|]*\\bdeploy[A-Za-z0-9_-]*\\b"
              + "|\\b(?:npm|yarn|pnpm)\\s+(?:run\\s+)?deploy[A-Za-z0-9:_-]*\\b");

  /** A command that publishes a package or an image: not a deploy of the site by default. */
  static final LinearRegex PUBLISH =
      re(
          "\\b(?:npm|yarn|pnpm)\\s+publish\\b"
              + "|\\b(?:mvn|mvnw|\\./mvnw)\\b[^\\n;&|]*\\bdeploy\\b"
              + "|\\bgradlew?\\b[^\\n;&|]*\\bpublish[A-Za-z]*\\b"
              + "|\\btwine\\s+upload\\b"
              + "|\\bgem\\s+push\\b"
              + "|\\bdocker\\s+(?:image\\s+)?push\\b"
              + "|\\bcargo\\s+publish\\b"
              + "|\\bpoetry\\s+publish\\b"
              + "|\\bflit\\s+publish\\b"
              + "|\\bgoreleaser\\b"
              + "|\\bsemantic-release\\b"
              + "|\\blerna\\s+publish\\b");

  /** Records a deploy: CircleCI's release marker or a Sentry deploy. */
  static final LinearRegex MARKER =
      re(
          "\\bcircleci\\s+run\\s+release\\s+(?:plan|update|log)\\b"
              + "|\\bsentry-cli\\s+releases\\s+deploys\\b");

  /** The environment a marker names: {@code --environment-name prod}, {@code -e production}. */
  static final LinearRegex MARKER_ENVIRONMENT =
      re("(?:--environment-name|--environment|--env|\\s-e)[=\\s]+[\"']?([A-Za-z0-9_.-]+)");

  /**
   * Well-known orbs, by name ({@code circleci/helm} and the alias it is known by): which of their
   * jobs and commands deploy. An orb listed with an empty pattern deploys nothing (aws-ecr pushes
   * images).
   */
  static final Map<String, LinearRegex> ORB_DEPLOYS =
      Map.ofEntries(
          Map.entry("aws-ecs", re("^(?:deploy[-_]service[-_]update|update[-_]service|deploy)$")),
          Map.entry("aws-ecr", re("^$")),
          Map.entry("heroku", re("^(?:deploy[-_]via[-_]git|deploy|release[-_]docker[-_]image)$")),
          Map.entry(
              "kubernetes",
              re(
                  "^(?:create[-_]or[-_]update[-_]resource|update[-_]container[-_]image|rollout.*|apply.*)$")),
          Map.entry("helm", re("^(?:upgrade[-_]helm[-_]chart|install[-_]helm[-_]chart)$")),
          Map.entry("aws-code-deploy", re("^(?:deploy|deploy[-_]bundle)$")),
          Map.entry("aws-elastic-beanstalk", re("^deploy$")),
          Map.entry("aws-serverless", re("^deploy$")),
          Map.entry("aws-sam-serverless", re("^deploy$")),
          Map.entry("serverless-framework", re("^deploy$")),
          Map.entry("gcp-cloud-run", re("^deploy.*$")),
          Map.entry("gcp-gke", re("^(?:rollout[-_]image|publish[-_]and[-_]rollout[-_]image)$")),
          Map.entry("azure-aks", re("^.*deploy.*$")),
          Map.entry("cloudfoundry", re("^(?:push|blue[-_]green.*|dark[-_]deploy|live[-_]deploy)$")),
          Map.entry("hmpps", re("^deploy[-_]env$")));

  /** The first match of {@code p} in {@code text}, whitespace collapsed and shortened. */
  static Optional<String> first(LinearRegex p, String text) {
    return p.firstMatchText(text).map(DeploySteps::shown);
  }

  static String shown(String match) {
    StringBuilder sb = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < match.length() && sb.length() < 60; i++) {
      char c = match.charAt(i);
      if (Character.isWhitespace(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.length() >= 60 ? sb.substring(0, 57) + "..." : sb.toString();
  }

  /**
   * Whether the orb job or command {@code alias/name} is a well-known deploy: empty when the orb is
   * not a well-known one (its name then decides nothing).
   */
  static Optional<Boolean> orbDeploys(CircleCiPipeline pipeline, String step) {
    int slash = step.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    String alias = step.substring(0, slash);
    String name = step.substring(slash + 1);
    String orb =
        pipeline
            .orb(alias)
            .flatMap(
                o ->
                    o.source() instanceof OrbSource.Registry r
                        ? Optional.of(r.name())
                        : Optional.empty())
            .orElse(alias);
    LinearRegex p = ORB_DEPLOYS.get(orb);
    return p == null ? Optional.empty() : Optional.of(p.matchesWhole(name));
  }

  /** Names of a parameter or variable that say which environment: env, STAGE, DEPLOY_ENV. */
  static boolean namesEnvironment(String key) {
    StringBuilder sb = new StringBuilder();
    for (char c : key.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    String k = sb.toString();
    return List.of(
            "env",
            "environment",
            "stage",
            "target",
            "tier",
            "deployenv",
            "deployenvironment",
            "deploymentenvironment",
            "targetenv",
            "targetenvironment",
            "environmentname",
            "envname",
            "sentryenvironment",
            "appenv",
            "deploytarget")
        .contains(k);
  }
}
