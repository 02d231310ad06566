package dev.shipcheck.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.policy.Clause;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyException;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.core.policy.PolicyProblem;
import dev.shipcheck.core.policy.PolicyReferences;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.RegisteredRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleCatalog;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code checks:} and {@code clauses:} of the policy file: schema, semantics, references. */
class CheckPolicyTest {
  static final ClauseCatalog BUILT_IN =
      ClauseCatalog.parse(
          """
          documents: {DEPLOY: {file: d.md, title: Deployment Policy}}
          clauses:
            - {id: DEPLOY-2.1, section: "2", text: "Three core branches.", check: automated}
          """);

  static final String GOOD =
      """
      version: 1
      clauses:
        - id: ACME-3.1
          document: ACME Engineering Standard
          section: "3. Ownership"
          text: "Every repository names its code owners."
      checks:
        - id: CodeownersPresent
          kind: file-exists
          title: A CODEOWNERS file exists
          clause: ACME-3.1
          severity: medium
          paths: [CODEOWNERS, .github/CODEOWNERS]
          remediation: Add a CODEOWNERS file.
        - id: NoAwsKeys
          kind: file-content
          title: No AWS access key is committed in configuration
          clause: DEPLOY-2.1
          severity: critical
          paths: ["config/**/*.yml"]
          doesNotMatch: "AKIA[0-9A-Z]{16}"
          remediation: Remove the key and rotate it.
        - id: DevelopBranch
          kind: branch-exists
          title: A develop branch exists
          clause: ACME-3.1
          severity: low
          branches: [develop, dev]
          remediation: Create it.
          rationale: We integrate on develop.
      """;

  private static List<PolicyProblem> problems(String yaml) {
    PolicyException e =
        catchThrowableOfType(PolicyException.class, () -> PolicyLoader.parse("p.yml", yaml));
    assertThat(e).as("expected the policy to be refused").isNotNull();
    return e.problems();
  }

  private static List<String> lines(String yaml) {
    return problems(yaml).stream().map(PolicyProblem::toString).toList();
  }

  @Test
  void readsEachKindIntoItsTypedCheck() throws Exception {
    LoadedPolicy loaded = PolicyLoader.parse("p.yml", GOOD);
    assertThat(loaded.policy().section(Checks.SECTION).all())
        .hasExactlyElementsOfTypes(
            FileExistsCheck.class, FileContentCheck.class, BranchExistsCheck.class);
    FileContentCheck content =
        (FileContentCheck) loaded.policy().section(Checks.SECTION).all().get(1);
    assertThat(content.required()).isFalse();
    assertThat(content.noFileOutcome()).isEqualTo(FileContentCheck.WhenNoFile.NOT_APPLICABLE);
    assertThat(content.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(loaded.policy().section(Checks.SECTION).all().get(2).rationale())
        .hasValue("We integrate on develop.");
    assertThat(loaded.policy().clauses().get(0).document()).isEqualTo("ACME Engineering Standard");
    assertThat(PolicyReferences.clauseProblems(loaded, BUILT_IN)).isEmpty();
    ClauseCatalog all = PolicyReferences.clauses(loaded, BUILT_IN);
    assertThat(CheckReferences.clauseProblems(loaded, all)).isEmpty();
    assertThat(all.find("ACME-3.1").orElseThrow().documentTitle())
        .isEqualTo("ACME Engineering Standard");
    assertThat(all.find("ACME-3.1").orElseThrow().check()).isEqualTo(Clause.Check.AUTOMATED);
  }

  @Test
  void refusesABadGlobWithLineAndColumn() {
    assertThat(lines(GOOD.replace("[CODEOWNERS, .github/CODEOWNERS]", "[CODEOWNERS, /etc/x]")))
        .containsExactly(
            "p.yml:13:25: checks[0].paths[1]: '/etc/x' is not a valid path glob: paths are"
                + " relative to the repository root; remove the leading '/'");
    assertThat(lines(GOOD.replace("[develop, dev]", "[develop, \"release/{1,2\"]")))
        .singleElement()
        .asString()
        .startsWith("p.yml:28:25: checks[2].branches[1]: 'release/{1,2' is not a valid branch");
  }

  @Test
  void refusesABadPatternWithLineAndColumn() {
    assertThat(lines(GOOD.replace("\"AKIA[0-9A-Z]{16}\"", "\"AKIA[0-9A-Z{16}\"")))
        .singleElement()
        .asString()
        .startsWith("p.yml:21:19: checks[1].doesNotMatch: not a valid regular expression:");
  }

  @Test
  void refusesAPatternThatNeedsBacktrackingWithLineAndColumn() {
    assertThat(lines(GOOD.replace("\"AKIA[0-9A-Z]{16}\"", "\"(AKIA)\\\\1\"")))
        .containsExactly(
            "p.yml:21:19: checks[1].doesNotMatch: cannot be matched in linear time: the pattern"
                + " uses a backreference \\1, which only a backtracking matcher supports near"
                + " index 6 (Shipcheck matches policy patterns with RE2/J, which never"
                + " backtracks)");
    assertThat(lines(GOOD.replace("\"AKIA[0-9A-Z]{16}\"", "\"AKIA(?=[0-9])\"")))
        .singleElement()
        .asString()
        .startsWith("p.yml:21:19: checks[1].doesNotMatch: cannot be matched in linear time")
        .contains("a lookahead");
  }

  @Test
  void unknownKeysNameOnlyTheKeysOfThatKind() {
    assertThat(lines(GOOD.replace("    paths: [CODEOWNERS", "    pathz: [CODEOWNERS")))
        .contains(
            "p.yml:13:5: checks[0].pathz: unknown key (expected one of: id, kind, title, clause,"
                + " severity, remediation, rationale, paths)",
            "p.yml:8:5: checks[0]: missing required key 'paths'");
    assertThat(lines(GOOD.replace("kind: branch-exists", "kind: branch-exist")))
        .singleElement()
        .asString()
        .startsWith("p.yml:24:11: checks[2].kind:")
        .contains("file-exists", "branch-exists");
  }

  @Test
  void accountAndMonitorKindsAreValidatedToo() {
    String checks =
        """
        version: 1
        checks:
          - {id: CostCentre, kind: aws-account-tag, title: Tagged, clause: DEPLOY-2.1,
             severity: low, remediation: Tag it., tag: CostCentre, matches: "[0-9"}
          - {id: Alerts, kind: statuscake-check, title: Alerts, clause: DEPLOY-2.1,
             severity: low, remediation: Add one., field: contact_group}
        """;
    assertThat(lines(checks))
        .singleElement()
        .asString()
        .startsWith("p.yml:6:51: checks[1].field:")
        .contains("contact_groups");
    assertThat(lines(checks.replace("contact_group}", "contact_groups}")))
        .singleElement()
        .asString()
        .startsWith("p.yml:4:69: checks[0].matches: not a valid regular expression:");
  }

  @Test
  void circleCiJobChecksAreValidatedToo() {
    String check =
        """
        version: 1
        checks:
          - {id: Ctx, kind: circleci-job, title: Context, clause: DEPLOY-2.1, severity: low,
             remediation: Set it., name: "deploy-{prod", field: contexts}
        """;
    assertThat(lines(check)).singleElement().asString().startsWith("p.yml:4:57: checks[0].field:");
    assertThat(lines(check.replace("field: contexts", "field: parameters.env")))
        .containsExactly(
            "p.yml:4:34: checks[0].name: 'deploy-{prod' is not a valid job name glob: '{' at 7 is"
                + " never closed by '}'");
  }

  @Test
  void fileContentNeedsExactlyOnePattern() {
    String both =
        GOOD.replace("doesNotMatch: \"AKIA[0-9A-Z]{16}\"", "doesNotMatch: x\n    matches: y");
    assertThat(lines(both)).anyMatch(l -> l.contains("not both"));
    String neither = GOOD.replace("    doesNotMatch: \"AKIA[0-9A-Z]{16}\"\n", "");
    assertThat(lines(neither))
        .containsExactly(
            "p.yml:15:5: checks[1]: a file-content check needs 'matches' (every file must contain"
                + " it) or 'doesNotMatch' (no file may contain it)");
  }

  @Test
  void refusesTwoChecksWithOneIdAndAMissingRemediation() {
    assertThat(lines(GOOD.replace("id: DevelopBranch", "id: NoAwsKeys")))
        .containsExactly(
            "p.yml:23:9: checks[2].id: check id 'NoAwsKeys' is already used by checks[1]");
    assertThat(lines(GOOD.replace("    remediation: Create it.\n", "")))
        .containsExactly("p.yml:23:5: checks[2]: missing required key 'remediation'");
  }

  @Test
  void checksMustCiteAKnownClauseAndOwnClausesMustBeNew() throws Exception {
    LoadedPolicy unknown =
        PolicyLoader.parse("p.yml", GOOD.replace("clause: ACME-3.1", "clause: ACME-9"));
    assertThat(CheckReferences.clauseProblems(unknown, PolicyReferences.clauses(unknown, BUILT_IN)))
        .extracting(PolicyProblem::toString)
        .containsExactly(
            "p.yml:11:13: checks[0].clause: unknown clause 'ACME-9': cite a built-in clause"
                + " ('shipcheck rules' lists them) or declare it under 'clauses:'",
            "p.yml:26:13: checks[2].clause: unknown clause 'ACME-9': cite a built-in clause"
                + " ('shipcheck rules' lists them) or declare it under 'clauses:'");
    LoadedPolicy clash =
        PolicyLoader.parse("p.yml", GOOD.replace("id: ACME-3.1", "id: DEPLOY-2.1"));
    assertThat(PolicyReferences.clauseProblems(clash, BUILT_IN))
        .extracting(PolicyProblem::toString)
        .contains("p.yml:3:9: clauses[0].id: 'DEPLOY-2.1' is a built-in clause id");
  }

  @PolicyRule(
      id = "NoAwsKeys",
      title = "Taken",
      clauses = "DEPLOY-2.1",
      severity = Severity.LOW,
      facts = RepoFiles.class)
  static final class Taken implements Rule {
    @Override
    public Verdict evaluate(dev.shipcheck.core.fact.Facts facts, RuleContext context) {
      return Verdict.pass("ok");
    }
  }

  @Test
  void aCheckMayNotTakeTheIdOfAnotherRule() throws Exception {
    LoadedPolicy loaded = PolicyLoader.parse("p.yml", GOOD);
    RuleCatalog others = RuleCatalog.of(List.of(RegisteredRule.of(new Taken(), "acme-rules.jar")));
    assertThat(CheckReferences.idProblems(loaded, others))
        .extracting(PolicyProblem::toString)
        .containsExactly(
            "p.yml:15:9: checks[1].id: 'NoAwsKeys' is already the id of a rule of the plugin"
                + " acme-rules.jar; choose another id");
  }
}
