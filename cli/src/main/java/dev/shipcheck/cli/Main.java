package dev.shipcheck.cli;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.policy.PolicyProblem;
import dev.shipcheck.core.report.ToolInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code shipcheck}: dispatches to a command and turns every failure into a clear exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, Terminal.system()));
  }

  static Map<String, Command> commands() {
    Map<String, Command> commands = new LinkedHashMap<>();
    for (Command c :
        List.of(
            new ScanCommand(),
            new MergeCommand(),
            new DiffCommand(),
            new RulesCommand(),
            new PolicyCommand(),
            new DemoCommand(),
            new SimulateCommand())) {
      commands.put(c.name(), c);
    }
    return commands;
  }

  private static Command find(String name) {
    if (name.equals(TrainCommand.NAME)) {
      return new TrainCommand();
    }
    if (name.equals(OrbPackCommand.NAME)) {
      return new OrbPackCommand();
    }
    return name.equals(SampleCommand.NAME) ? new SampleCommand() : commands().get(name);
  }

  /** Runs a command line; never throws, returns the exit code. */
  public static int run(String[] args, Terminal terminal) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    configureLogging(verbose);
    if (args.length == 0
        || args[0].equals("--help")
        || args[0].equals("help")
        || args[0].equals("-h")) {
      terminal.out().print(usage());
      return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
    }
    if (args[0].equals("--version")) {
      ToolInfo t = ToolInfo.current();
      terminal.out().println("shipcheck " + t.version() + " (revision " + t.revision() + ")");
      return ExitCode.OK;
    }
    Command command = find(args[0]);
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      if (command == null) {
        throw new UsageException(
            "unknown command '"
                + args[0]
                + "' (commands: "
                + String.join(", ", commands().keySet())
                + "; see 'shipcheck --help')");
      }
      return command.run(rest, terminal);
    } catch (UsageException e) {
      terminal.err().println("shipcheck: " + Terminal.clean(e.getMessage()));
      return ExitCode.USAGE;
    } catch (Policies.InvalidPolicyException e) {
      for (PolicyProblem p : e.problems()) {
        terminal.err().println(Terminal.clean(p.toString()));
      }
      terminal.err().println("shipcheck: " + e.getMessage() + "; nothing was scanned");
      return ExitCode.USAGE;
    } catch (Exception | Error e) {
      terminal
          .err()
          .println(
              "shipcheck: internal error: "
                  + Terminal.clean(String.valueOf(e))
                  + (verbose ? "" : " (run with --verbose for the stack trace)"));
      if (verbose) {
        e.printStackTrace(terminal.err());
      }
      // A crash means the scan is incomplete; never 0, even with --allow-incomplete.
      return ExitCode.INCOMPLETE;
    }
  }

  private static void configureLogging(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "false");
  }

  static String usage() {
    StringBuilder sb = new StringBuilder();
    sb.append("Shipcheck ")
        .append(ToolInfo.current().version())
        .append(": policy-as-code compliance scanner\n\nUsage: shipcheck COMMAND [options]\n\n")
        .append("Commands:\n");
    commands()
        .values()
        .forEach(c -> sb.append(String.format("  %-10s %s%n", c.name(), c.summary())));
    sb.append("\nRun 'shipcheck COMMAND --help' for a command's options; 'shipcheck --version'.\n")
        .append("Exit codes: 0 ok, 1 violations at or above --fail-on (with --baseline: new or")
        .append(" worse ones), 2 bad invocation or policy, 3 incomplete.\n");
    return sb.toString();
  }
}
