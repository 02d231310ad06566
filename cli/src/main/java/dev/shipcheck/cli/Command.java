package dev.shipcheck.cli;

/** A sub-command of {@code shipcheck}. */
interface Command {
  String name();

  /** One line for the command list of {@code shipcheck --help}. */
  String summary();

  /** Runs the command; returns the process exit code. */
  int run(String[] args, Terminal terminal) throws Exception;
}
