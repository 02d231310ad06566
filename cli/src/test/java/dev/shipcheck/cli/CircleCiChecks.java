package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.yaml.YamlTree;
import dev.shipcheck.facts.circleci.CircleCiConfigDeriver;
import dev.shipcheck.facts.circleci.CircleCiPipeline;
import dev.shipcheck.facts.circleci.ConfigProblem;
import dev.shipcheck.facts.circleci.ConfigState;
import dev.shipcheck.facts.circleci.JobEntry;
import dev.shipcheck.facts.circleci.Requirement;
import dev.shipcheck.facts.circleci.SchemaDiagnostics;
import dev.shipcheck.facts.circleci.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks shared by the tests of this project's CircleCI config and of the orb: the official
 * CircleCI schema (the copy in scanner-core, through the same validator the scanner uses),
 * Shipcheck's own config model, and the references between jobs, commands, executors and parameters
 * that the schema cannot see.
 */
final class CircleCiChecks {
  static final Set<String> BUILT_IN_STEPS =
      Set.of(
          "run",
          "checkout",
          "when",
          "unless",
          "store_test_results",
          "store_artifacts",
          "persist_to_workspace",
          "attach_workspace",
          "save_cache",
          "restore_cache",
          "setup_remote_docker",
          "add_ssh_keys");

  /** Keys of a workflow job invocation that are not the job's own parameters. */
  static final Set<String> INVOCATION_KEYS =
      Set.of(
          "requires",
          "context",
          "filters",
          "name",
          "matrix",
          "pre-steps",
          "post-steps",
          "type",
          "serial-group",
          "override-with");

  private static final Pattern PARAMETER =
      Pattern.compile("<<\\s*parameters\\.([A-Za-z0-9_-]+)\\s*>>");

  private CircleCiChecks() {}

  /** What the official schema says about a config (or orb) text; empty when it validates. */
  static List<String> schemaProblems(String name, String text) throws Exception {
    YamlTree.Parsed parsed = YamlTree.parse(name, text, YamlTree.Limits.DEFAULT);
    List<String> out = new ArrayList<>();
    for (ConfigProblem p : SchemaDiagnostics.of(parsed.root(), parsed.positions())) {
      out.add(p.toString());
    }
    return out;
  }

  /** The config through Shipcheck's own model, asserting it has no problems. */
  static CircleCiPipeline model(String name, String text) {
    ConfigState state = CircleCiConfigDeriver.parse(name, text);
    assertThat(state).as(name).isInstanceOf(ConfigState.Parsed.class);
    CircleCiPipeline p = ((ConfigState.Parsed) state).pipeline();
    assertThat(p.problems()).as(name + " problems").isEmpty();
    return p;
  }

  /** Every workflow entry runs a defined job (or is an approval) and every requires names one. */
  static void everyReferencedJobExists(String name, CircleCiPipeline p) {
    assertThat(p.workflows()).as(name + " workflows").isNotEmpty();
    for (Workflow w : p.workflows()) {
      for (JobEntry e : w.jobs()) {
        if (!e.isApproval()) {
          assertThat(p.definition(e))
              .as("%s: workflow '%s' runs job '%s', which is defined", name, w.name(), e.job())
              .isPresent();
        }
        for (Requirement r : e.requires()) {
          assertThat(w.jobs().stream().anyMatch(t -> t.answersTo(r.name())))
              .as("%s: '%s' requires '%s' in workflow '%s'", name, e.id(), r.name(), w.name())
              .isTrue();
        }
      }
    }
  }

  /**
   * In a map of jobs or commands: every step is built in or one of {@code commands}, every executor
   * named is one of {@code executors}, every {@code << parameters.X >>} is declared, and every
   * command call passes only declared parameters and all required ones.
   */
  static void referencesResolve(
      String where,
      Map<String, Object> elements,
      Map<String, Object> commands,
      Set<String> executors) {
    for (Map.Entry<String, Object> e : elements.entrySet()) {
      Map<?, ?> element = (Map<?, ?>) e.getValue();
      String label = where + " '" + e.getKey() + "'";
      Set<String> declared = parameterNames(element);
      assertThat(
              parametersUsed(
                  dump(element.get("steps"))
                      + dump(element.get("executor"))
                      + dump(element.get("docker"))))
          .as(label + " uses only declared parameters")
          .isSubsetOf(declared);
      Object executor = element.get("executor");
      if (executor != null) {
        String named =
            executor instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : executor.toString();
        assertThat(executors).as(label + " executor").contains(named);
      }
      steps(label, element.get("steps"), commands);
    }
  }

  private static void steps(String label, Object steps, Map<String, Object> commands) {
    if (!(steps instanceof List<?> list)) {
      return;
    }
    for (Object step : list) {
      String name =
          step instanceof Map<?, ?> m
              ? String.valueOf(m.keySet().iterator().next())
              : String.valueOf(step);
      Object args = step instanceof Map<?, ?> m ? m.get(name) : null;
      if (name.equals("when") || name.equals("unless")) {
        steps(label, ((Map<?, ?>) args).get("steps"), commands);
        continue;
      }
      if (BUILT_IN_STEPS.contains(name)) {
        continue;
      }
      if (name.equals("steps") && args instanceof String) {
        continue; // `- steps: << parameters.x >>` expands a parameter of type steps
      }
      assertThat(commands).as(label + " calls command '" + name + "'").containsKey(name);
      Map<?, ?> command = (Map<?, ?>) commands.get(name);
      Set<String> passed = new TreeSet<>();
      if (args instanceof Map<?, ?> a) {
        a.keySet().forEach(k -> passed.add(String.valueOf(k)));
      }
      assertThat(passed)
          .as(label + " passes parameters '" + name + "' declares")
          .isSubsetOf(parameterNames(command));
      assertThat(passed)
          .as(label + " passes the required parameters of '" + name + "'")
          .containsAll(requiredParameters(command));
      if (args instanceof Map<?, ?> a) {
        for (Object v : a.values()) {
          steps(label, v, commands); // a value of type steps
        }
      }
    }
  }

  static Set<String> parameterNames(Map<?, ?> element) {
    Set<String> out = new TreeSet<>();
    if (element.get("parameters") instanceof Map<?, ?> params) {
      params.keySet().forEach(k -> out.add(String.valueOf(k)));
    }
    return out;
  }

  static Set<String> requiredParameters(Map<?, ?> element) {
    Set<String> out = new TreeSet<>();
    if (element.get("parameters") instanceof Map<?, ?> params) {
      params.forEach(
          (k, v) -> {
            if (v instanceof Map<?, ?> spec && !spec.containsKey("default")) {
              out.add(String.valueOf(k));
            }
          });
    }
    return out;
  }

  static Set<String> parametersUsed(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = PARAMETER.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static String dump(Object o) {
    if (o == null) {
      return "";
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(o);
  }
}
