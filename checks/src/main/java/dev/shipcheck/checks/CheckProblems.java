package dev.shipcheck.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.collect.Glob;
import dev.shipcheck.core.policy.PolicyProblem;
import dev.shipcheck.core.regex.RegexRefused;
import dev.shipcheck.core.yaml.SourceMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the schema cannot say about {@code checks:}: globs and regular expressions that do not
 * compile, a {@code file-content} check with both or neither pattern, two checks with one id. Each
 * problem points at the offending value's line and column.
 */
final class CheckProblems {
  private CheckProblems() {}

  static List<PolicyProblem> of(String name, JsonNode written, SourceMap positions) {
    List<PolicyProblem> problems = new ArrayList<>();
    JsonNode checks = written.path("checks");
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < checks.size(); i++) {
      JsonNode check = checks.get(i);
      String at = "/checks/" + i;
      String id = check.path("id").asText();
      Integer first = ids.putIfAbsent(id, i);
      if (first != null) {
        problems.add(
            new PolicyProblem(
                name,
                positions.valueAt(at + "/id"),
                "checks[" + i + "].id",
                "check id '" + id + "' is already used by checks[" + first + "]"));
      }
      globs(name, positions, check, i, "paths", "path glob", problems);
      globs(name, positions, check, i, "branches", "branch name glob", problems);
      JsonNode jobName = check.path("name");
      if (jobName.isTextual()) {
        int index = i;
        Glob.problem(jobName.asText())
            .ifPresent(
                p ->
                    problems.add(
                        new PolicyProblem(
                            name,
                            positions.valueAt("/checks/" + index + "/name"),
                            "checks[" + index + "].name",
                            "'" + jobName.asText() + "' is not a valid job name glob: " + p)));
      }
      if (check.path("kind").asText().equals(FileContentCheck.KIND)) {
        exactlyOnePattern(name, positions, check, i, problems);
      }
      patterns(name, positions, check, i, problems);
    }
    return problems;
  }

  private static void globs(
      String name,
      SourceMap positions,
      JsonNode check,
      int i,
      String key,
      String what,
      List<PolicyProblem> problems) {
    JsonNode list = check.path(key);
    for (int j = 0; j < list.size(); j++) {
      String glob = list.get(j).asText();
      int index = j;
      Glob.problem(glob)
          .ifPresent(
              p ->
                  problems.add(
                      new PolicyProblem(
                          name,
                          positions.valueAt("/checks/" + i + "/" + key + "/" + index),
                          "checks[" + i + "]." + key + "[" + index + "]",
                          "'" + glob + "' is not a valid " + what + ": " + p)));
    }
  }

  private static void exactlyOnePattern(
      String name, SourceMap positions, JsonNode check, int i, List<PolicyProblem> problems) {
    boolean matches = check.has("matches");
    boolean doesNotMatch = check.has("doesNotMatch");
    if (matches == doesNotMatch) {
      problems.add(
          new PolicyProblem(
              name,
              positions.valueAt("/checks/" + i),
              "checks[" + i + "]",
              matches
                  ? "give either 'matches' or 'doesNotMatch', not both"
                  : "a file-content check needs 'matches' (every file must contain it) or"
                      + " 'doesNotMatch' (no file may contain it)"));
    }
  }

  /**
   * Why a policy pattern is refused: invalid, or valid Java but not matchable in linear time (then
   * the policy must say it another way; a policy must not be able to stall a scan).
   */
  static String patternProblem(RegexRefused e) {
    String where = e.index() >= 0 ? " near index " + e.index() : "";
    return switch (e.kind()) {
      case INVALID -> e.reason().replaceFirst("^is ", "") + where;
      case UNSUPPORTED, TOO_COMPLEX ->
          "cannot be matched in linear time: the pattern "
              + e.reason()
              + where
              + " (Shipcheck matches policy patterns with RE2/J, which never backtracks)";
    };
  }

  private static void patterns(
      String name, SourceMap positions, JsonNode check, int i, List<PolicyProblem> problems) {
    for (String key : List.of("matches", "doesNotMatch")) {
      JsonNode n = check.path(key);
      if (!n.isTextual()) {
        continue;
      }
      try {
        FileContentCheck.compile(n.asText());
      } catch (RegexRefused e) {
        problems.add(
            new PolicyProblem(
                name,
                positions.valueAt("/checks/" + i + "/" + key),
                "checks[" + i + "]." + key,
                patternProblem(e)));
      }
    }
  }
}
