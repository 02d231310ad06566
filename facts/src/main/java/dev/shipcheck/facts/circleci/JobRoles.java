package dev.shipcheck.facts.circleci;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a workflow entry is for, by DESIGN §5: deploy jobs (a job of the deployment orb, a {@code
 * circleci run release} step, {@code type: release}, or a name matching {@code deployJobPattern};
 * never an approval), test jobs (a name matching {@code testJobPattern}, {@code
 * store_test_results}, or a run step invoking a test runner) and production deploys (by the
 * environment words in its name, contexts and parameter values). Answers are memoised per entry;
 * one instance serves every rule of a project ({@link ProductionDeploys}), so the memos are
 * synchronised.
 */
public final class JobRoles {
  private static final Pattern RELEASE_MARKER =
      Pattern.compile("circleci\\s+run\\s+release\\s+(plan|update|log)\\b");
  private static final Pattern TEST_RUNNER =
      Pattern.compile(
          "(?m)(\\b(gradlew?|mvnw?|npm|yarn|pnpm|make|rake|bundle exec rake|sbt|lein|mix)"
              + "\\b[^\\n;&|]*?\\b(test|check|verify|spec)\\b"
              + "|\\b(pytest|tox|nox|rspec|jest|mocha|vitest|phpunit|ctest)\\b"
              + "|\\bgo\\s+test\\b|\\bcargo\\s+(test|nextest)\\b|\\bdotnet\\s+test\\b"
              + "|\\bpython3?\\s+-m\\s+(pytest|unittest)\\b)");
  private static final Set<String> PRODUCTION_WORDS = Set.of("prod", "production", "live");

  private final CircleCiPipeline pipeline;
  private final CircleCiPolicy settings;
  private final Pattern deployName;
  private final Pattern testName;
  private final Set<String> nonProduction = new LinkedHashSet<>();
  private final Map<JobEntry, Optional<String>> deployReasons =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<JobEntry, Optional<String>> testReasons =
      Collections.synchronizedMap(new IdentityHashMap<>());

  public JobRoles(CircleCiPipeline pipeline, CircleCiPolicy settings) {
    this.pipeline = pipeline;
    this.settings = settings;
    this.deployName = Pattern.compile(settings.deployJobPattern());
    this.testName = Pattern.compile(settings.testJobPattern());
    settings.nonProductionEnvironments().forEach(w -> nonProduction.add(lower(w)));
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
    if (recordsMarker(e)) {
      return Optional.of("it records a deploy marker ('circleci run release')");
    }
    if (pipeline.definition(e).flatMap(JobDef::type).filter("release"::equals).isPresent()) {
      return Optional.of("its job is of type 'release'");
    }
    if (deployName.matcher(e.id()).find() || deployName.matcher(e.job()).find()) {
      return Optional.of(
          "its name matches circleci.deployJobPattern " + settings.deployJobPattern());
    }
    return Optional.empty();
  }

  /** Why the entry counts as a test job, or empty if it does not. */
  public Optional<String> testReason(JobEntry e) {
    return testReasons.computeIfAbsent(e, this::classifyTest);
  }

  private Optional<String> classifyTest(JobEntry e) {
    if (e.isApproval()) {
      return Optional.empty();
    }
    if (testName.matcher(e.id()).find() || testName.matcher(e.job()).find()) {
      return Optional.of("its name matches circleci.testJobPattern " + settings.testJobPattern());
    }
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
      var m = TEST_RUNNER.matcher(run);
      if (m.find()) {
        return Optional.of("it runs a test runner ('" + m.group().trim() + "')");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a deploy job deploys to production: a production word ({@code prod}, {@code
   * production}, {@code live}) in its name, contexts or parameter values makes it one; otherwise a
   * non-production environment word makes it not one; naming no environment, it counts as one.
   */
  public boolean deploysToProduction(JobEntry e) {
    return environmentOf(e).map(env -> PRODUCTION_WORDS.contains(env)).orElse(true);
  }

  /** The environment word that decided {@link #deploysToProduction}, if any. */
  public Optional<String> environmentOf(JobEntry e) {
    Set<String> words = new LinkedHashSet<>();
    words.addAll(words(e.id()));
    e.contexts().forEach(c -> words.addAll(words(c)));
    e.parameters().values().forEach(v -> words.addAll(words(v)));
    for (String w : words) {
      if (PRODUCTION_WORDS.contains(w)) {
        return Optional.of(w);
      }
    }
    for (String w : words) {
      if (nonProduction.contains(w)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
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
   * Whether the entry visibly records a deploy marker: a {@code circleci run release} step in its
   * job, its {@code pre-steps}/{@code post-steps}, or a {@code type: release} job.
   */
  public boolean recordsMarker(JobEntry e) {
    for (String run : e.extraRunCommands()) {
      if (RELEASE_MARKER.matcher(run).find()) {
        return true;
      }
    }
    Optional<JobDef> d = pipeline.definition(e);
    if (d.isEmpty()) {
      return false;
    }
    if (d.get().type().filter("release"::equals).isPresent()) {
      return true;
    }
    return d.get().runCommands().stream().anyMatch(r -> RELEASE_MARKER.matcher(r).find());
  }

  /** Whether the entry's steps are in this config (false for a registry orb's job). */
  public boolean stepsVisible(JobEntry e) {
    return pipeline.definition(e).isPresent();
  }

  /** Lower-case words of a name: split on anything not a letter or digit, and on camelCase. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split("[^A-Za-z0-9]+")) {
      for (String w :
          part.split("(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])")) {
        if (!w.isEmpty()) {
          out.add(lower(w));
        }
      }
    }
    return out;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
