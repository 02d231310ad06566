package dev.shipcheck.checks;

import dev.shipcheck.core.collect.Glob;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import dev.shipcheck.facts.circleci.CircleCiPipeline;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.circleci.JobEntry;
import dev.shipcheck.facts.circleci.JobRoles;
import dev.shipcheck.facts.circleci.ProductionDeploy;
import dev.shipcheck.facts.circleci.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rule of a {@code circleci-job} check. */
final class CircleCiJobRule implements Rule {
  static final List<Class<? extends Fact>> FACTS = List.of(CircleCiConfig.class);
  private static final String PARAMETERS = "parameters.";

  private final CircleCiJobCheck check;
  private final Optional<Glob> name;
  private final Optional<LinearRegex> pattern;

  CircleCiJobRule(CircleCiJobCheck check) {
    this.check = check;
    this.name = check.name().map(Glob::of);
    this.pattern = check.matches().map(FileContentCheck::compileWhole);
  }

  static String howChecked(CircleCiJobCheck c) {
    return "Reads `.circleci/config.yml` as CircleCI would, selects every "
        + c.selection().noun()
        + " of its workflows"
        + c.name().map(n -> " named like `" + n + "`").orElse("")
        + " (deploy, test and production deploy jobs are recognised as the built-in CircleCI rules"
        + " recognise them, from the policy's `circleci:` settings), and passes when each has a"
        + " value at `"
        + c.field()
        + "`"
        + c.matches().map(m -> " matching `" + m + "` in full (for a list, one element)").orElse("")
        + ". Fails naming each job that does not, at its line. Not applicable when the config has"
        + " no such job; not available when the config is missing or broken (CircleCiConfigured"
        + " reports that).";
  }

  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    CircleCiConfig config = facts.get(CircleCiConfig.class);
    Optional<String> unusable = config.unusable();
    if (unusable.isPresent()) {
      return Verdict.notAvailable(
              "cannot check the %ss: %s (CircleCiConfigured reports this)",
              check.selection().noun(), unusable.get())
          .at(Location.file(config.path()));
    }
    Map<JobEntry, String> selected = select(config.pipeline().orElseThrow(), context);
    if (selected.isEmpty()) {
      return Verdict.notApplicable(
          "%s has no %s%s",
          config.path(),
          check.selection().noun(),
          check.name().map(n -> " named like " + n).orElse(""));
    }
    List<String> bad = new ArrayList<>();
    List<Location> where = new ArrayList<>();
    List<String> good = new ArrayList<>();
    selected.forEach(
        (entry, described) -> {
          Optional<String> problem = problem(entry);
          if (problem.isPresent()) {
            bad.add(described + " " + problem.get());
            where.add(at(config, entry));
          } else {
            good.add(described + " has " + check.field() + " " + values(entry));
          }
        });
    Verdict v =
        bad.isEmpty()
            ? Verdict.pass("%s", String.join("; ", good))
            : Verdict.fail("%s", String.join("; ", bad)).at(where);
    for (String g : good) {
      v = v.evidence("circleci config", config.path(), g);
    }
    return v;
  }

  /** The selected entries, each with "job 'x' of workflow 'w'", in config order. */
  private Map<JobEntry, String> select(CircleCiPipeline p, RuleContext context) {
    JobRoles roles = new JobRoles(p, context.policy().section(CircleCiPolicy.SECTION));
    Map<JobEntry, String> out = new LinkedHashMap<>();
    if (check.selection() == CircleCiJobCheck.Jobs.PRODUCTION_DEPLOYS) {
      for (ProductionDeploy d :
          ProductionDeploy.find(p, roles, context.policy().branches().production())) {
        out.put(d.entry(), d.describe());
      }
    } else {
      for (Workflow w : p.workflows()) {
        for (JobEntry e : w.jobs()) {
          if (selected(e, roles)) {
            out.put(e, "job '" + e.id() + "' of workflow '" + w.name() + "'");
          }
        }
      }
    }
    out.keySet().removeIf(e -> name.isPresent() && !name.get().matches(e.id()));
    return out;
  }

  private boolean selected(JobEntry e, JobRoles roles) {
    return switch (check.selection()) {
      case DEPLOYS -> roles.deployReason(e).isPresent();
      case TESTS -> roles.testReason(e).isPresent();
      case APPROVALS -> e.isApproval();
      case ALL, PRODUCTION_DEPLOYS -> true;
    };
  }

  private Optional<String> problem(JobEntry e) {
    List<String> values = values(e);
    if (values.isEmpty()) {
      return Optional.of("has no " + check.field());
    }
    if (pattern.isPresent() && values.stream().noneMatch(v -> pattern.get().matchesWhole(v))) {
      return Optional.of(
          "has "
              + check.field()
              + " "
              + values
              + ", which does not match /"
              + check.matches().orElseThrow()
              + "/");
    }
    return Optional.empty();
  }

  private List<String> values(JobEntry e) {
    String field = check.field();
    List<String> values;
    if (field.startsWith(PARAMETERS)) {
      values =
          Optional.ofNullable(e.parameters().get(field.substring(PARAMETERS.length()))).stream()
              .toList();
    } else {
      values =
          switch (field) {
            case "context" -> e.contexts();
            case "job" -> List.of(e.job());
            case "name" -> List.of(e.id());
            default -> throw new IllegalStateException("field " + field + " passed the schema");
          };
    }
    return values.stream().filter(v -> !v.isBlank()).toList();
  }

  private static Location at(CircleCiConfig config, JobEntry e) {
    return e.position().line() > 0
        ? Location.at(config.path(), e.position().line(), e.position().column())
        : Location.file(config.path());
  }
}
