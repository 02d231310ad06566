package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.regex.LinearRegex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a workflow entry is for, by DESIGN §5 and issue 17, read from what the job does.
 *
 * <p><b>Deploy jobs</b>: a job of the deployment orb; a job that records a deploy marker ({@code
 * circleci run release}, {@code type: release}, a Sentry deploy); a job whose steps (the config's
 * commands expanded) run a deploy tool ({@code helm upgrade}, {@code kubectl apply}, {@code aws ecs
 * update-service}, {@code terraform apply}, a {@code deploy.sh} ...) or a well-known orb's deploy
 * job or command ({@code aws-ecs/deploy-service-update}, {@code heroku/deploy-via-git}; {@code
 * aws-ecr} pushes are not deploys). Publishing a package ({@code npm publish}, {@code docker push})
 * is a deploy only when {@code circleci.packagePublishIsDeploy} says so. A job recognised as a test
 * job by its steps, and running no deploy tool, never is. The name ({@code deployJobPattern}) is a
 * hint that counts only when the steps say nothing: an orb job whose steps are not in the file, or
 * steps none of which Shipcheck recognises. Never an approval.
 *
 * <p><b>Which environment</b>: an explicit value first (a parameter or variable named like {@code
 * env}, {@code environment}, {@code stage}, {@code target}, {@code SENTRY_ENVIRONMENT}; a marker's
 * {@code --environment-name}), then the invocation's own name, then its job's name, then context
 * names, then other parameter values. In one value, {@code prod}/{@code production} make it
 * production; otherwise a non-production word ({@code dev-live}, {@code uat_live}) makes it not
 * production; otherwise {@code live} makes it production. A deploy naming no environment counts as
 * production.
 *
 * <p><b>Test jobs</b>: a name matching {@code testJobPattern}, {@code store_test_results}, or a run
 * step invoking a test runner.
 *
 * <p>Answers are memoised per entry; one instance serves every rule of a project ({@link
 * ProductionDeploys}), so the memos are synchronised.
 */
public final class JobRoles {
  private static final LinearRegex TEST_RUNNER =
      LinearRegex.compile(
          "(\\b(gradlew?|mvnw?|npm|yarn|pnpm|make|rake|bundle exec rake|sbt|lein|mix)"
              + "\\b[^\\n;&|]*?\\b(test|check|verify|spec)\\b"
              + "|\\b(pytest|tox|nox|rspec|jest|mocha|vitest|phpunit|ctest)\\b"
              + "|\\bgo\\s+test\\b|\\bcargo\\s+(test|nextest)\\b|\\bdotnet\\s+test\\b"
              + "|\\bpython3?\\s+-m\\s+(pytest|unittest)\\b)",
          LinearRegex.Syntax.RE2,
          LinearRegex.Option.MULTILINE);

  /** Which environment a deploy job deploys to, and what decided it. */
  public record Environment(boolean production, Optional<String> word, String why) {}

  private final CircleCiPipeline pipeline;
  private final CircleCiPolicy settings;
  private final LinearRegex deployName;
  private final LinearRegex testName;
  private final EnvironmentWords environments;
  private final Map<JobEntry, Optional<String>> deployReasons =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<JobEntry, Optional<String>> testReasons =
      Collections.synchronizedMap(new IdentityHashMap<>());

  public JobRoles(CircleCiPipeline pipeline, CircleCiPolicy settings) {
    this.pipeline = pipeline;
    this.settings = settings;
    this.deployName = settings.deployJobRegex();
    this.testName = settings.testJobRegex();
    this.environments = new EnvironmentWords(settings);
  }

  /** Why the entry counts as a deploy job, or empty if it does not. */
  public Optional<String> deployReason(JobEntry e) {
    return deployReasons.computeIfAbsent(e, this::classifyDeploy);
  }

  private Optional<String> classifyDeploy(JobEntry e) {
    if (e.isApproval()) {
      return Optional.empty();
    }
    Optional<OrbDeclaration> orb = deploymentOrbOf(e);
    if (orb.isPresent()) {
      return Optional.of("it is a job of the deployment orb " + orb.get().written());
    }
    Optional<JobDef> d = pipeline.definition(e);
    if (d.isPresent() && d.get().type().filter("release"::equals).isPresent()) {
      return Optional.of("its job is of type 'release'");
    }
    List<StepCall> calls = calls(e);
    for (StepCall c : calls) {
      Optional<String> marker = c.command().flatMap(t -> DeploySteps.first(DeploySteps.MARKER, t));
      if (marker.isPresent()) {
        return Optional.of("it records a deploy marker (`" + marker.get() + "`" + in(c) + ")");
      }
    }
    if (d.isEmpty()) {
      return unseenSteps(e);
    }
    List<String> orbCommands = deploymentOrbCommands(e);
    for (StepCall c : calls) {
      if (orbCommands.contains(c.name())) {
        return Optional.of("it runs the deployment orb's command `" + c.name() + "`" + in(c));
      }
    }
    for (StepCall c : calls) {
      Optional<String> tool =
          c.command().flatMap(t -> DeploySteps.first(DeploySteps.DEPLOY_TOOL, t));
      if (tool.isPresent()) {
        return Optional.of("it runs `" + tool.get() + "`" + in(c));
      }
      if (DeploySteps.orbDeploys(pipeline, c.name()).orElse(false)) {
        return Optional.of("it runs the orb command `" + c.name() + "`" + in(c));
      }
    }
    for (StepCall c : calls) {
      Optional<String> publish =
          c.command().flatMap(t -> DeploySteps.first(DeploySteps.PUBLISH, t));
      if (publish.isPresent()) {
        return settings.packagePublishIsDeploy()
            ? Optional.of(
                "it publishes a package (`"
                    + publish.get()
                    + "`"
                    + in(c)
                    + ") and circleci.packagePublishIsDeploy is true")
            : Optional.empty();
      }
    }
    if (testBySteps(e).isPresent() || !saysNothing(calls)) {
      return Optional.empty();
    }
    return nameHint(e).map(h -> h + ", and its steps run no command (" + d.get().name() + ")");
  }

  /** A registry orb's job, whose steps are not in the file: well-known orbs, then the name. */
  private Optional<String> unseenSteps(JobEntry e) {
    Optional<Boolean> known = DeploySteps.orbDeploys(pipeline, e.job());
    if (known.isPresent()) {
      return known.get()
          ? Optional.of("it runs the orb job `" + e.job() + "`, which deploys")
          : Optional.empty();
    }
    return nameHint(e).map(h -> h + ", and its steps are not in the config (" + e.job() + ")");
  }

  private Optional<String> nameHint(JobEntry e) {
    return deployName.find(e.id()) || deployName.find(e.job())
        ? Optional.of("its name matches circleci.deployJobPattern " + settings.deployJobPattern())
        : Optional.empty();
  }

  /**
   * Whether visible steps say nothing of what the job does: no shell command and no orb command
   * (only {@code checkout}, workspaces, caches). Steps that run commands, none of which deploys,
   * say it does not deploy, whatever its name (a {@code hold-deploy-notification} job that posts to
   * Slack).
   */
  private static boolean saysNothing(List<StepCall> calls) {
    for (StepCall c : calls) {
      if (c.command().isPresent() || c.name().contains("/")) {
        return false;
      }
    }
    return true;
  }

  private static String in(StepCall c) {
    return c.step() > 0 ? " in step " + c.step() : " in its pre-steps or post-steps";
  }

  /** The steps the entry runs: its job's, then its pre-steps and post-steps. */
  private List<StepCall> calls(JobEntry e) {
    List<StepCall> out = new ArrayList<>();
    pipeline.definition(e).ifPresent(d -> out.addAll(d.calls()));
    for (String run : e.extraRunCommands()) {
      out.add(new StepCall(0, "run", Optional.of(run), Map.of()));
    }
    for (String step : e.extraSteps()) {
      if (!step.equals("run")) {
        out.add(new StepCall(0, step, Optional.empty(), Map.of()));
      }
    }
    return out;
  }

  /** Why the entry counts as a test job, or empty if it does not. */
  public Optional<String> testReason(JobEntry e) {
    return testReasons.computeIfAbsent(e, this::classifyTest);
  }

  private Optional<String> classifyTest(JobEntry e) {
    if (e.isApproval()) {
      return Optional.empty();
    }
    // a deploy to a test environment (deploy_test) is not a test job by its name
    if ((testName.find(e.id()) || testName.find(e.job())) && deployReason(e).isEmpty()) {
      return Optional.of("its name matches circleci.testJobPattern " + settings.testJobPattern());
    }
    return testBySteps(e);
  }

  private Optional<String> testBySteps(JobEntry e) {
    Set<String> steps = new LinkedHashSet<>(e.extraSteps());
    List<String> runs = new ArrayList<>(e.extraRunCommands());
    pipeline
        .definition(e)
        .ifPresent(
            d -> {
              steps.addAll(d.steps());
              runs.addAll(d.runCommands());
            });
    if (steps.contains("store_test_results")) {
      return Optional.of("it stores test results (store_test_results)");
    }
    for (String run : runs) {
      Optional<String> m = TEST_RUNNER.firstMatchText(run);
      if (m.isPresent()) {
        return Optional.of("it runs a test runner ('" + DeploySteps.shown(m.get()) + "')");
      }
    }
    return Optional.empty();
  }

  /** Whether a deploy job deploys to production ({@link #environment}). */
  public boolean deploysToProduction(JobEntry e) {
    return environment(e).production();
  }

  /** The environment word that decided {@link #deploysToProduction}, if any. */
  public Optional<String> environmentOf(JobEntry e) {
    return environment(e).word();
  }

  /** Which environment the entry deploys to, and which value decided it. */
  public Environment environment(JobEntry e) {
    Optional<JobDef> d = pipeline.definition(e);
    List<String[]> explicit = new ArrayList<>();
    e.parameters()
        .forEach(
            (k, v) -> {
              if (DeploySteps.namesEnvironment(k)) {
                explicit.add(new String[] {"parameter " + k, v});
              }
            });
    d.ifPresent(
        def ->
            def.environment()
                .forEach(
                    (k, v) -> {
                      if (DeploySteps.namesEnvironment(k)) {
                        explicit.add(new String[] {"environment variable " + k, v});
                      }
                    }));
    for (StepCall c : calls(e)) {
      c.args()
          .forEach(
              (k, v) -> {
                if (DeploySteps.namesEnvironment(k)) {
                  explicit.add(new String[] {"parameter " + k + " of step " + c.name(), v});
                }
              });
      c.command()
          .filter(t -> DeploySteps.MARKER.find(t))
          .flatMap(t -> DeploySteps.MARKER_ENVIRONMENT.firstMatchText(t))
          .ifPresent(m -> explicit.add(new String[] {"the deploy marker's environment", m}));
    }
    for (String[] x : explicit) {
      Optional<Environment> env = classify(x[1], "environment from " + x[0]);
      if (env.isPresent()) {
        return env.get();
      }
    }
    List<String[]> names = new ArrayList<>();
    names.add(new String[] {"the job's name in the workflow", e.id()});
    names.add(new String[] {"its job's name", e.job()});
    e.contexts().forEach(c -> names.add(new String[] {"context", c}));
    e.parameters()
        .forEach(
            (k, v) -> {
              if (!DeploySteps.namesEnvironment(k)) {
                names.add(new String[] {"parameter " + k, v});
              }
            });
    for (String[] x : names) {
      Optional<Environment> env = classify(x[1], "environment from " + x[0]);
      if (env.isPresent()) {
        return env.get();
      }
    }
    return new Environment(
        true, Optional.empty(), "no environment is named, so it counts as production");
  }

  private Optional<Environment> classify(String value, String from) {
    if (value.contains("<<") || value.contains("${") || value.startsWith("$")) {
      return Optional.empty();
    }
    String shown = from + ": " + DeploySteps.shown(value);
    return environments
        .decide(value)
        .map(d -> new Environment(d.production(), Optional.of(d.word()), shown));
  }

  /** The deployment orb's declaration when the entry runs one of its jobs. */
  public Optional<OrbDeclaration> deploymentOrbOf(JobEntry e) {
    Optional<String> alias = e.orbAlias();
    if (alias.isEmpty() || settings.deploymentOrb().isEmpty()) {
      return Optional.empty();
    }
    return pipeline
        .orb(alias.get())
        .filter(
            o ->
                o.source() instanceof OrbSource.Registry r && r.is(settings.deploymentOrb().get()));
  }

  /** The deployment orb commands the entry's job calls ({@code alias/command} steps). */
  public List<String> deploymentOrbCommands(JobEntry e) {
    List<String> out = new ArrayList<>();
    if (settings.deploymentOrb().isEmpty()) {
      return out;
    }
    Set<String> steps = new LinkedHashSet<>(e.extraSteps());
    pipeline.definition(e).ifPresent(d -> steps.addAll(d.steps()));
    for (OrbDeclaration o : pipeline.orbsNamed(settings.deploymentOrb().get())) {
      for (String s : steps) {
        if (s.startsWith(o.alias() + "/")) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /**
   * Whether the entry visibly records a deploy marker: a {@code circleci run release} (or Sentry
   * deploy) step in its job, its {@code pre-steps}/{@code post-steps}, or a {@code type: release}
   * job.
   */
  public boolean recordsMarker(JobEntry e) {
    Optional<JobDef> d = pipeline.definition(e);
    if (d.isPresent() && d.get().type().filter("release"::equals).isPresent()) {
      return true;
    }
    return calls(e).stream()
        .anyMatch(c -> c.command().filter(t -> DeploySteps.MARKER.find(t)).isPresent());
  }

  /** Whether the entry's steps are in this config (false for a registry orb's job). */
  public boolean stepsVisible(JobEntry e) {
    return pipeline.definition(e).isPresent();
  }
}
