package dev.shipcheck.cli;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.report.Comparison;
import dev.shipcheck.history.Baselines;
import dev.shipcheck.reports.diff.DiffRenderer;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code shipcheck diff OLD.json NEW.json}: new, worse, fixed and changed results between two
 * reports, matched as {@code scan --baseline} matches them. Exit codes: 0 no new or worse FAIL at
 * or above {@code --fail-on}; 1 at least one; 2 bad invocation or a file that is not a report.
 */
final class DiffCommand implements Command {
  @Override
  public String name() {
    return "diff";
  }

  @Override
  public String summary() {
    return "compare two shipcheck.json reports: new, worse, fixed and changed results";
  }

  static Options options() {
    Options o = new Options();
    o.addOption(Args.value("format", "FORMAT", "text (default) or markdown"));
    o.addOption(
        Args.value(
            "fail-on",
            "SEVERITY",
            "lowest severity of a new or worse FAIL that makes the exit code 1 (default: low)"));
    o.addOption(
        Args.value(
            "rename",
            "OLD=NEW",
            "match OLD.json's project OLD to NEW.json's project NEW (repeatable); two one-project"
                + " reports are matched whatever their names"));
    return Args.withCommon(o);
  }

  private static String help(Options options) {
    return Args.help(
        "shipcheck diff [options] OLD.json NEW.json",
        "Lists results that are new (failing now, not before), worse (failing at a higher"
            + " severity), fixed (failing before, passing or not applicable now) and"
            + " changed (any other change of outcome, severity or finding). Results match"
            + " by project and rule; project names case-insensitively, renamed rules by"
            + " their former ids. Exit codes: 0 no new or worse FAIL at or above"
            + " --fail-on; 1 at least one; 2 bad invocation or a file that is not a"
            + " Shipcheck report.",
        options,
        "Unlike scan, diff ignores whether either report is complete.");
  }

  @Override
  public int run(String[] args, Terminal terminal) throws Exception {
    Options options = options();
    CommandLine cl = Args.parse(name(), options, args);
    if (cl.hasOption("help")) {
      terminal.out().print(help(options));
      return ExitCode.OK;
    }
    List<String> files = cl.getArgList();
    if (files.size() != 2) {
      throw new UsageException(
          "diff: expected two reports, OLD.json NEW.json (see 'shipcheck diff --help')");
    }
    String format = cl.getOptionValue("format", "text");
    if (!format.equals("text") && !format.equals("markdown")) {
      throw new UsageException("diff: --format: expected text or markdown, got '" + format + "'");
    }
    Severity failOn = GateOptions.failOn(cl, "diff");
    Map<String, String> renames =
        GateOptions.renames("diff: --rename", cl.getOptionValues("rename"));
    GateOptions.Baseline before = GateOptions.readBaseline("diff", files.get(0));
    GateOptions.Baseline after = GateOptions.readBaseline("diff", files.get(1));
    Comparison c = Baselines.compare(before.report(), before.source(), after.report(), renames);
    String out =
        format.equals("markdown")
            ? DiffRenderer.markdown(c, before.report(), after.report(), after.source())
            : DiffRenderer.text(c, before.report(), after.report(), after.source());
    terminal.out().print(Terminal.cleanLines(out));
    boolean gates =
        c.changes().stream()
            .anyMatch(
                ch ->
                    ch.kind().gates()
                        && ch.after().map(r -> r.severity().atLeast(failOn)).orElse(false));
    return gates ? ExitCode.VIOLATIONS : ExitCode.OK;
  }
}
