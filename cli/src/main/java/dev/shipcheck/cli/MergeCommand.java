package dev.shipcheck.cli;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.history.ReportMerge;
import dev.shipcheck.reports.json.JsonReportWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code shipcheck merge --out DIR RESULT.json...}: joins the {@code shipcheck.json} of each shard
 * of an organisation scan into one report set (every format, per-repository SARIF included), with
 * the exit code one unsharded scan would have had.
 */
final class MergeCommand implements Command {
  @Override
  public String name() {
    return "merge";
  }

  @Override
  public String summary() {
    return "join the shipcheck.json of shard runs into one report set";
  }

  static Options options() {
    Options o = new Options();
    o.addOption(
        Args.value(
            "out",
            "DIR",
            "report directory, its set of files replaced as a whole (default: shipcheck-report)"));
    o.addOption(Args.value("format", "LIST", "report formats, comma-separated (default: all)"));
    o.addOption(Args.value("fail-on", "SEVERITY", "as for scan (default: low)"));
    o.addOption(
        Args.flag("allow-incomplete", "exit 0 instead of 3 when something could not be checked"));
    o.addOption(Args.flag("quiet", "print only the result line"));
    return Args.withCommon(o);
  }

  @Override
  public int run(String[] args, Terminal terminal) throws Exception {
    Options options = options();
    CommandLine cl = Args.parse(name(), options, args);
    if (cl.hasOption("help")) {
      terminal
          .out()
          .print(
              Args.help(
                  "shipcheck merge --out DIR RESULT.json...",
                  "Joins the shipcheck.json files written by 'shipcheck scan --github-org ORG --shard K/N'"
                      + " runs into one report set. Exit codes as for scan.",
                  options,
                  ""));
      return ExitCode.OK;
    }
    if (cl.getArgList().isEmpty()) {
      throw new UsageException(
          "merge: name the shipcheck.json files to merge (see 'shipcheck merge --help')");
    }
    Severity failOn;
    try {
      failOn = Severity.parse(cl.getOptionValue("fail-on", "low"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("merge: --fail-on: " + e.getMessage());
    }
    List<String> formats = Reports.select(cl.getOptionValue("format"));
    List<Map.Entry<String, ScanReport>> reports = new ArrayList<>();
    for (String file : cl.getArgList()) {
      reports.add(Map.entry(file, read(Path.of(file))));
    }
    ScanReport merged;
    try {
      merged = ReportMerge.merge(reports, ClauseCatalog.builtIn());
    } catch (ReportMerge.MergeException e) {
      throw new UsageException("merge: " + e.getMessage());
    }
    List<Path> files =
        Reports.write(merged, formats, Path.of(cl.getOptionValue("out", "shipcheck-report")));
    int exit = ExitCode.of(merged.results(), failOn, cl.hasOption("allow-incomplete"));
    new ConsoleSummary(terminal, cl.hasOption("quiet")).print(merged, files, exit, failOn);
    return exit;
  }

  private static ScanReport read(Path file) throws UsageException {
    try (InputStream in = Files.newInputStream(file)) {
      return JsonReportWriter.read(in);
    } catch (NoSuchFileException e) {
      throw new UsageException("merge: no such file: " + file);
    } catch (IOException e) {
      throw new UsageException(
          "merge: " + file + " is not a shipcheck.json report: " + e.getMessage());
    }
  }
}
