package dev.shipcheck.cli;

import dev.shipcheck.checks.Checks;
import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyLoader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code shipcheck policy init|validate}. */
final class PolicyCommand implements Command {
  @Override
  public String name() {
    return "policy";
  }

  @Override
  public String summary() {
    return "write a starter policy file (init) or check one (validate FILE)";
  }

  @Override
  public int run(String[] args, Terminal terminal) throws Exception {
    Options options = Args.withCommon(new Options());
    options.addOption(Args.flag("force", "init: overwrite an existing file"));
    options.addOption(
        Args.value(
            RuleSetup.PLUGINS_OPTION,
            "DIR",
            "validate: also load these plugin jars (as scan --plugins does), so their rule ids"
                + " are known"));
    CommandLine cl = Args.parse(name(), options, args);
    if (cl.hasOption("help") || cl.getArgList().isEmpty()) {
      if (!cl.hasOption("help")) {
        throw new UsageException("policy: say 'init [FILE]' or 'validate FILE'");
      }
      terminal
          .out()
          .print(
              Args.help(
                  "shipcheck policy init [FILE] | validate FILE",
                  "init writes a commented starter policy (default shipcheck.yml); validate checks a"
                      + " policy file and reports every problem with line and column (exit 2 if any).",
                  options,
                  ""));
      return ExitCode.OK;
    }
    String sub = cl.getArgList().get(0);
    String[] rest = cl.getArgList().subList(1, cl.getArgList().size()).toArray(new String[0]);
    return switch (sub) {
      case "init" -> init(rest, cl.hasOption("force"), terminal);
      case "validate" -> validate(rest, ScanCommand.pluginDirs(cl), terminal);
      default ->
          throw new UsageException("policy: unknown sub-command '" + sub + "' (init or validate)");
    };
  }

  private static int init(String[] rest, boolean force, Terminal terminal) throws Exception {
    Path file = Path.of(rest.length > 0 ? rest[0] : "shipcheck.yml");
    if (Files.exists(file) && !force) {
      throw new UsageException(
          "policy init: " + file + " already exists (use --force to" + " overwrite it)");
    }
    Path dir = file.toAbsolutePath().getParent();
    try (AtomicReportOutput out = new AtomicReportOutput(dir)) {
      try (OutputStream os = out.open(file.getFileName().toString())) {
        os.write(PolicyLoader.starterText().getBytes(StandardCharsets.UTF_8));
      }
      out.commit();
    }
    terminal.out().println("wrote " + file + "; check it with: shipcheck policy validate " + file);
    return ExitCode.OK;
  }

  private static int validate(String[] rest, List<String> pluginDirs, Terminal terminal)
      throws Exception {
    if (rest.length != 1) {
      throw new UsageException(
          "policy validate: name one policy file, e.g. 'shipcheck policy"
              + " validate shipcheck.yml' (got "
              + Arrays.toString(rest)
              + ")");
    }
    LoadedPolicy policy = Policies.load(rest[0]);
    int pluginRules;
    try (RuleSetup setup = RuleSetup.of(policy, pluginDirs, terminal)) {
      pluginRules = setup.plugins().rules().size();
    }
    terminal
        .out()
        .println(
            rest[0]
                + ": valid ("
                + count(policy.policy().section(Checks.SECTION).all().size(), "declarative check")
                + ", "
                + count(pluginRules, "plugin rule")
                + ", "
                + count(policy.policy().waivers().size(), "waiver")
                + ", sha256 "
                + policy.sha256().substring(0, 12)
                + ")");
    return ExitCode.OK;
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
