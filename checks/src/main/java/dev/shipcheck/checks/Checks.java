package dev.shipcheck.checks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyProblem;
import dev.shipcheck.core.policy.PolicySection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy's {@code checks:} section: declarative organisation-specific checks, in file order.
 */
public record Checks(List<Check> all) {
  public static final PolicySection<Checks> SECTION = new Section();

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Checks {
    all = List.copyOf(all);
  }

  @JsonValue
  List<Check> json() {
    return all;
  }

  /** Registered with {@link java.util.ServiceLoader}; read it through {@link #SECTION}. */
  public static final class Section implements PolicySection<Checks> {
    @Override
    public String key() {
      return "checks";
    }

    @Override
    public Class<Checks> type() {
      return Checks.class;
    }

    @Override
    public Checks defaults() {
      return new Checks(List.of());
    }

    @Override
    public String schemaResource() {
      return "policy-section.json";
    }

    @Override
    public int order() {
      return 900;
    }

    @Override
    public String starter() {
      return """
          # Declarative organisation-specific checks; kinds: file-exists, file-content, branch-exists,
          # circleci-job, aws-account-tag, statuscake-check (see docs/writing-rules.md).
          checks: []
          #  - id: CodeownersPresent
          #    kind: file-exists
          #    title: A CODEOWNERS file names the owners of the repository
          #    clause: ACME-3.1
          #    severity: medium
          #    paths: [.github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS]
          #    remediation: Add .github/CODEOWNERS with at least one rule, e.g. `* @acme/platform-team`.
          """;
    }

    @Override
    public List<PolicyProblem> problems(LoadedPolicy loaded) {
      return CheckProblems.of(loaded.source(), loaded.written(), loaded.positions());
    }

    /** A check removed or changed loosens the policy; one added tightens it. */
    @Override
    public Optional<Changes> changes(Checks before, Checks after) {
      Map<String, Check> was = new LinkedHashMap<>();
      before.all().forEach(c -> was.put(c.id(), c));
      Map<String, Check> now = new LinkedHashMap<>();
      after.all().forEach(c -> now.put(c.id(), c));
      List<String> grants = new ArrayList<>();
      was.forEach(
          (id, c) -> {
            if (!now.containsKey(id)) {
              grants.add("removes check " + id);
            } else if (!c.equals(now.get(id))) {
              grants.add("changes check " + id);
            }
          });
      List<String> tightens =
          now.keySet().stream()
              .filter(id -> !was.containsKey(id))
              .map(id -> "adds check " + id)
              .toList();
      return Optional.of(new Changes(grants, tightens));
    }
  }
}
