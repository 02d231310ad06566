package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.report.RuleSummary;
import dev.shipcheck.core.rule.RuleCatalog;
import dev.shipcheck.reports.docs.RuleDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed docs/rules pages match the rule catalogue. */
class RuleDocsUpToDateTest {
  static final Path DOCS = Path.of("..", "docs", "rules");

  @Test
  void committedRuleDocsAreCurrent() throws Exception {
    List<RuleSummary> rules =
        RuleCatalog.builtIn().descriptors().stream()
            .map(d -> RuleSummary.of(d, d.severity()))
            .toList();
    Map<String, String> pages =
        RuleDocs.generate(rules, ClauseCatalog.load(getClass().getClassLoader()));
    String hint =
        "docs/rules is stale; regenerate it with: bin/shipcheck rules --write-docs" + " docs/rules";
    TreeSet<String> committed = new TreeSet<>();
    try (Stream<Path> files = Files.list(DOCS)) {
      files.forEach(p -> committed.add(p.getFileName().toString()));
    }
    assertThat(committed).as(hint).isEqualTo(new TreeSet<>(pages.keySet()));
    for (Map.Entry<String, String> page : pages.entrySet()) {
      assertThat(Files.readString(DOCS.resolve(page.getKey())))
          .as(hint + " (" + page.getKey() + ")")
          .isEqualTo(page.getValue());
    }
  }
}
