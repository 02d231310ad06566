package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.yaml.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed {@code .circleci/config.yml}: what CircleCI would compile, reduced to what the policy
 * reads, with the interpretation every rule shares ({@link #on(String)}: which jobs run for a push
 * to a branch).
 *
 * @param version the {@code version} key as text ({@code 2}, {@code 2.1}); empty if absent
 * @param setup whether this is a setup config (dynamic configuration)
 * @param problems what CircleCI would reject or what could not be modelled, with positions
 * @param schemaDiagnostics the official CircleCI JSON Schema's complaints (advisory: the schema
 *     lags the product and rejects valid {@code version: 2} configs)
 */
public record CircleCiPipeline(
    Optional<String> version,
    Position versionPosition,
    boolean setup,
    List<OrbDeclaration> orbs,
    Map<String, JobDef> jobs,
    Set<String> executors,
    Set<String> commands,
    List<PipelineParameter> parameters,
    List<Workflow> workflows,
    List<ConfigProblem> problems,
    List<ConfigProblem> schemaDiagnostics) {

  public CircleCiPipeline {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(versionPosition, "versionPosition");
    orbs = List.copyOf(orbs);
    jobs = Map.copyOf(jobs);
    executors = Set.copyOf(executors);
    commands = Set.copyOf(commands);
    parameters = List.copyOf(parameters);
    workflows = List.copyOf(workflows);
    problems = List.copyOf(problems);
    schemaDiagnostics = List.copyOf(schemaDiagnostics);
  }

  CircleCiPipeline withSchemaDiagnostics(List<ConfigProblem> diagnostics) {
    return new CircleCiPipeline(
        version,
        versionPosition,
        setup,
        orbs,
        jobs,
        executors,
        commands,
        parameters,
        workflows,
        problems,
        diagnostics);
  }

  /** Whether CircleCI runs this version: 2 (or 2.0) and 2.1. */
  public boolean supportedVersion() {
    return version
        .map(
            v -> {
              try {
                BigDecimal d = new BigDecimal(v);
                return d.compareTo(new BigDecimal("2")) == 0
                    || d.compareTo(new BigDecimal("2.1")) == 0;
              } catch (NumberFormatException e) {
                return false;
              }
            })
        .orElse(false);
  }

  /** Why CircleCI would not run this config at all, if it would not. */
  public Optional<String> blocker() {
    if (version.isEmpty()) {
      return Optional.of("it has no 'version' key (CircleCI needs version 2 or 2.1)");
    }
    if (!supportedVersion()) {
      return Optional.of("its version '" + version.get() + "' is not one CircleCI runs (2 or 2.1)");
    }
    return Optional.empty();
  }

  public Optional<OrbDeclaration> orb(String alias) {
    return orbs.stream().filter(o -> o.alias().equals(alias)).findFirst();
  }

  /** The declarations of a registry orb {@code namespace/name}, compared case-insensitively. */
  public List<OrbDeclaration> orbsNamed(String fullName) {
    List<OrbDeclaration> out = new ArrayList<>();
    for (OrbDeclaration o : orbs) {
      if (o.source() instanceof OrbSource.Registry r && r.is(fullName)) {
        out.add(o);
      }
    }
    return out;
  }

  /** The definition of the job an entry runs: a config job or an inline orb's job. */
  public Optional<JobDef> definition(JobEntry e) {
    JobDef own = jobs.get(e.job());
    if (own != null) {
      return Optional.of(own);
    }
    Optional<String> alias = e.orbAlias();
    if (alias.isEmpty()) {
      return Optional.empty();
    }
    String name = e.job().substring(alias.get().length() + 1);
    return orb(alias.get())
        .map(OrbDeclaration::source)
        .filter(OrbSource.Inline.class::isInstance)
        .map(s -> ((OrbSource.Inline) s).jobs().get(name));
  }

  /**
   * Pipeline values as a push to {@code branch} sees them: the branch, an empty tag, parameters at
   * their defaults; anything else (commit message, trigger details) is unknown.
   */
  public Function<String, Value> valuesFor(String branch) {
    return path -> {
      switch (path) {
        case "pipeline.git.branch":
          return new Value.Str(branch);
        case "pipeline.git.tag":
          return new Value.Str("");
        default:
          break;
      }
      if (path.startsWith("pipeline.parameters.")) {
        String name = path.substring("pipeline.parameters.".length());
        for (PipelineParameter p : parameters) {
          if (p.name().equals(name)) {
            return p.defaultValue();
          }
        }
      }
      return Value.unknown(path);
    };
  }

  /** Which jobs run, and under what conditions, for a push to {@code branch}. */
  public BranchRun on(String branch) {
    return new BranchRun(this, branch);
  }

  /** The workflow entries that run (or may run) for a push to {@code branch}. */
  public List<BranchRun.EntryRun> jobsRunningOn(String branch) {
    return on(branch).entries().stream().filter(r -> r.runs().possible()).toList();
  }
}
