package dev.shipcheck.rules.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.fixtures.facts.CircleCiFacts;
import dev.shipcheck.rulekit.RuleTester;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real configs from public repositories ({@code verdicts/circleci}, provenance in {@code
 * PROVENANCE.tsv}) with the verdict a careful reader gives for ProductionApprovalGate,
 * TestsBeforeDeploy and BranchPipelines, each with its reason ({@code VERDICTS.tsv}; issue 17, item
 * 4). Any disagreement fails the test; the agreement per rule is printed.
 */
class RealWorldVerdictsTest {
  static final List<Class<? extends Rule>> RULES =
      List.of(ProductionApprovalGate.class, TestsBeforeDeploy.class, BranchPipelines.class);

  record Row(String file, String production, List<Outcome> expected, String reason) {}

  static String resource(String name) throws IOException {
    try (InputStream in =
        RealWorldVerdictsTest.class.getResourceAsStream("/verdicts/circleci/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<String[]> tsv(String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    String[] lines = resource(name).split("\n");
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        rows.add(lines[i].split("\t", -1));
      }
    }
    return rows;
  }

  static List<Row> verdicts() throws IOException {
    List<Row> out = new ArrayList<>();
    for (String[] c : tsv("VERDICTS.tsv")) {
      assertThat(c).as(String.join("|", c)).hasSize(6);
      assertThat(c[5]).as("reason for " + c[0]).isNotBlank();
      out.add(
          new Row(
              c[0],
              c[1],
              List.of(Outcome.valueOf(c[2]), Outcome.valueOf(c[3]), Outcome.valueOf(c[4])),
              c[5]));
    }
    return out;
  }

  @Test
  void everyConfigHasProvenanceAndAVerdict() throws IOException {
    List<String> provenance = new ArrayList<>();
    for (String[] p : tsv("PROVENANCE.tsv")) {
      assertThat(p).as(p[0]).hasSize(6);
      assertThat(p[3]).as("commit of " + p[0]).matches("[0-9a-f]{40}");
      assertThat(p[5]).as("licence of " + p[0]).isNotBlank();
      provenance.add(p[0]);
    }
    assertThat(verdicts()).extracting(Row::file).containsExactlyInAnyOrderElementsOf(provenance);
    assertThat(provenance).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void theRulesAgreeWithTheHandReadVerdicts() throws IOException {
    Map<String, int[]> agree = new LinkedHashMap<>();
    List<String> disagreements = new ArrayList<>();
    List<Row> rows = verdicts();
    for (Row row : rows) {
      String yaml = resource(row.file());
      String policy =
          "version: 1\nbranches: {qa: [qa], staging: [staging], production: ["
              + row.production()
              + "]}\n";
      for (int i = 0; i < RULES.size(); i++) {
        Class<? extends Rule> rule = RULES.get(i);
        Result r = RuleTester.forRule(rule, policy).given(CircleCiFacts.config(yaml)).run();
        int[] n = agree.computeIfAbsent(rule.getSimpleName(), k -> new int[2]);
        n[1]++;
        if (r.outcome() == row.expected().get(i)) {
          n[0]++;
        } else {
          disagreements.add(
              String.format(
                  "%s %s: expected %s (%s), got %s: %s",
                  row.file(),
                  rule.getSimpleName(),
                  row.expected().get(i),
                  row.reason(),
                  r.outcome(),
                  r.message()));
        }
      }
    }
    StringBuilder figures = new StringBuilder("real-world verdicts, agreement per rule:");
    agree.forEach((rule, n) -> figures.append(String.format(" %s %d/%d;", rule, n[0], n[1])));
    System.out.println(figures);
    disagreements.forEach(d -> System.out.println("  disagreement: " + d));
    assertThat(disagreements).as(figures.toString()).isEmpty();
  }
}
