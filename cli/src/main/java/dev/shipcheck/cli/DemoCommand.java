package dev.shipcheck.cli;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.simulators.acme.AcmeOrg;
import dev.shipcheck.simulators.acme.AcmeProject;
import dev.shipcheck.simulators.acme.AcmeSimulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code shipcheck demo}: the nightly audit of the bundled sample organisation {@code acme}, run
 * exactly as against a real one ({@code scan --github-org} through the real collectors) but against
 * the simulators on loopback, so it needs no token and reaches nothing outside the machine.
 *
 * <p>It exits 0 when the audit ran and wrote its reports, although the audit itself finds
 * violations (which a real scan would answer with exit 1, as the summary says): the demo shows the
 * tool working, and a first command that "fails" by design would read as a broken install. A bad
 * invocation exits 2 and a demo that could not run exits 3, as any command.
 */
final class DemoCommand implements Command {
  static final String POLICY_FILE = "acme-policy.yml";

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "audit a bundled sample organisation against simulated services and write every report";
  }

  static Options options() {
    Options o = new Options();
    o.addOption(Args.value("out", "DIR", "report directory (default: shipcheck-demo)"));
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
                  "shipcheck demo [--out DIR]",
                  "Audits the sample organisation 'acme' (a dozen projects) the way the nightly job"
                      + " audits a real one, against simulated GitHub, CircleCI, AWS Organizations"
                      + " and StatusCake on loopback, and writes every report. Needs no token and"
                      + " no network. Exits 0 when the audit ran (its own exit code is printed).",
                  options,
                  ""));
      return ExitCode.OK;
    }
    if (!cl.getArgList().isEmpty()) {
      throw new UsageException("demo: unexpected argument '" + cl.getArgList().get(0) + "'");
    }
    Path out = Path.of(cl.getOptionValue("out", "shipcheck-demo"));
    Files.createDirectories(out);
    Path policy = out.resolve(POLICY_FILE);
    Files.writeString(policy, AcmeOrg.policyYaml(LocalDate.now(terminal.clock())));
    AcmeOrg org = AcmeOrg.demo();
    terminal
        .out()
        .printf(
            "Shipcheck demo: the nightly audit of the sample organisation '%s' (%d repositories),"
                + " against simulated GitHub, CircleCI, AWS Organizations and StatusCake on"
                + " loopback.%n%n",
            AcmeOrg.ORG, org.projects().size());
    int audit;
    try (AcmeSimulators sims =
        AcmeSimulators.start(org, AcmeSimulators.Settings.defaults(), terminal.clock().instant())) {
      sims.historyAt(terminal.clock().instant());
      List<String> scan = new ArrayList<>(List.of("--out", out.toString()));
      scan.addAll(sims.scanArguments());
      scan.addAll(List.of("--policy", policy.toString()));
      // Only the simulators' own tokens: credentials from the user's environment (a real
      // GITHUB_TOKEN, AWS_PROFILE) must not take part.
      Terminal simulated =
          new Terminal(
              terminal.out(), terminal.err(), sims.env(), terminal.clock(), terminal.interactive());
      audit = audit(scan, simulated);
    }
    explain(terminal, org, out, policy, audit);
    return ExitCode.OK;
  }

  /** The org scan; a refusal to start it is the demo's own bug, not the user's invocation. */
  private static int audit(List<String> args, Terminal t) throws Exception {
    try {
      return new ScanCommand().run(args.toArray(String[]::new), t);
    } catch (UsageException | Policies.InvalidPolicyException e) {
      throw new IllegalStateException("the demo's own scan was refused: " + e.getMessage(), e);
    }
  }

  private static void explain(Terminal t, AcmeOrg org, Path out, Path policy, int audit) {
    t.out().println();
    t.out().println("What each project shows:");
    for (AcmeProject p : org.projects()) {
      t.out().printf("  %-20s %s%n", p.fullName(), p.story());
    }
    t.out().println();
    t.out().println("Open " + out.resolve("report.html") + " in a browser for the auditor's view;");
    t.out()
        .println(
            "shipcheck.json holds every result, sarif/ one SARIF file per repository, junit.xml the"
                + " test tab, summary.md the pull-request comment.");
    t.out().println("Policy audited against (with a live and an expired waiver): " + policy);
    t.out()
        .printf(
            "A real scan with these results exits %d; the demo exits 0 because the audit ran as"
                + " intended.%n",
            audit);
  }
}
