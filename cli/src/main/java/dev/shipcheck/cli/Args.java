package dev.shipcheck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** Argument parsing shared by the commands. */
final class Args {
  private Args() {}

  static Option flag(String name, String description) {
    return Option.builder().longOpt(name).desc(description).build();
  }

  static Option value(String name, String arg, String description) {
    return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).build();
  }

  static Options withCommon(Options options) {
    options.addOption(flag("help", "show this help"));
    options.addOption(flag("verbose", "log details (to stderr)"));
    return options;
  }

  static CommandLine parse(String command, Options options, String[] args) throws UsageException {
    try {
      return new DefaultParser().parse(options, args);
    } catch (ParseException e) {
      throw new UsageException(
          command + ": " + e.getMessage() + " (see 'shipcheck " + command + " --help')");
    }
  }

  static String help(String usage, String header, Options options, String footer) {
    StringWriter sw = new StringWriter();
    HelpFormatter f = new HelpFormatter();
    f.setOptionComparator(null);
    f.printHelp(
        new PrintWriter(sw),
        100,
        usage,
        header.isEmpty() ? "" : header + "\n\n",
        options,
        2,
        2,
        footer.isEmpty() ? "" : "\n" + footer,
        false);
    return sw.toString();
  }
}
