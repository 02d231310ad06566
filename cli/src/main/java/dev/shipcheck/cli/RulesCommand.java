package dev.shipcheck.cli;

import dev.shipcheck.core.Json;
import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.report.RuleSummary;
import dev.shipcheck.core.rule.RuleDescriptor;
import dev.shipcheck.reports.docs.RuleDocs;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code shipcheck rules}: the rule catalogue with clauses; also regenerates docs/rules. */
final class RulesCommand implements Command {
  @Override
  public String name() {
    return "rules";
  }

  @Override
  public String summary() {
    return "list the rules with the policy clauses they check";
  }

  @Override
  public int run(String[] args, Terminal terminal) throws Exception {
    Options options = Args.withCommon(new Options());
    options.addOption(Args.value("format", "FORMAT", "text (default), markdown or json"));
    options.addOption(
        Args.value(
            "write-docs", "DIR", "write the rule documentation pages (docs/rules) into DIR"));
    options.addOption(
        Args.value(
            "policy",
            "FILE",
            "also list the policy's declarative checks, its own clauses and its plugins' rules"));
    options.addOption(
        Args.value(RuleSetup.PLUGINS_OPTION, "DIR", "also list the rules of these plugin jars"));
    CommandLine cl = Args.parse(name(), options, args);
    if (cl.hasOption("help")) {
      terminal
          .out()
          .print(
              Args.help(
                  "shipcheck rules [--format text|markdown|json] [--policy FILE] [--plugins DIR]",
                  "Prints the rule catalogue: id, severity, title, policy clauses and origin"
                      + " (built-in, a plugin jar, or policy for declarative checks).",
                  options,
                  ""));
      return ExitCode.OK;
    }
    LoadedPolicy policy = Policies.load(cl.getOptionValue("policy"));
    try (RuleSetup setup = RuleSetup.of(policy, ScanCommand.pluginDirs(cl), terminal)) {
      return print(cl, setup, terminal);
    }
  }

  private static int print(CommandLine cl, RuleSetup setup, Terminal terminal) throws Exception {
    ClauseCatalog clauses = setup.clauses();
    List<RuleSummary> rules =
        setup.catalog().descriptors().stream().map(d -> RuleSummary.of(d, d.severity())).toList();
    if (cl.hasOption("write-docs")) {
      writeDocs(Path.of(cl.getOptionValue("write-docs")), RuleDocs.generate(rules, clauses));
      terminal
          .out()
          .println("wrote " + (rules.size() + 2) + " pages to " + cl.getOptionValue("write-docs"));
      return ExitCode.OK;
    }
    String format = cl.getOptionValue("format", "text").toLowerCase(Locale.ROOT);
    switch (format) {
      case "text" -> text(terminal, rules, clauses);
      case "markdown" -> terminal.out().print(RuleDocs.generate(rules, clauses).get("README.md"));
      case "json" ->
          terminal
              .out()
              .println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rules));
      default ->
          throw new UsageException(
              "rules: --format: unknown format '" + format + "' (text, markdown or json)");
    }
    return ExitCode.OK;
  }

  private static void text(Terminal terminal, List<RuleSummary> rules, ClauseCatalog clauses) {
    for (RuleSummary r : rules) {
      terminal
          .out()
          .printf(
              Locale.ROOT,
              "%-26s %-8s %s%s%n",
              r.id(),
              r.severity().label(),
              r.title(),
              r.origin().equals(RuleDescriptor.BUILT_IN) ? "" : "  [" + r.origin() + "]");
      for (String id : r.clauses()) {
        clauses
            .find(id)
            .ifPresent(
                c ->
                    terminal
                        .out()
                        .printf(Locale.ROOT, "%-26s   %s: \"%s\"%n", "", c.id(), c.text()));
      }
    }
  }

  private static void writeDocs(Path dir, Map<String, String> pages) throws Exception {
    try (AtomicReportOutput out = new AtomicReportOutput(dir)) {
      for (Map.Entry<String, String> page : pages.entrySet()) {
        try (OutputStream os = out.open(page.getKey())) {
          os.write(page.getValue().getBytes(StandardCharsets.UTF_8));
        }
      }
      out.commit();
    }
  }
}
