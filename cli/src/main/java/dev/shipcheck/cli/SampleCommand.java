package dev.shipcheck.cli;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.nio.file.Path;

/**
 * Not for users: writes one of the sample repositories (a real git repository) for benchmarks and
 * scripted checks: {@code shipcheck __sample NAME DIR}.
 */
final class SampleCommand implements Command {
  static final String NAME = "__sample";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "";
  }

  @Override
  public int run(String[] args, Terminal terminal) throws Exception {
    if (args.length != 2 || !SampleRepos.all().containsKey(args[0])) {
      throw new UsageException(NAME + " NAME DIR, NAME one of " + SampleRepos.all().keySet());
    }
    SampleRepos.all().get(args[0]).get().writeTo(Path.of(args[1]));
    return ExitCode.OK;
  }
}
