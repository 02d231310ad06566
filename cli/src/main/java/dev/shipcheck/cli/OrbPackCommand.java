package dev.shipcheck.cli;

import dev.shipcheck.core.engine.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not for users: packs the orb's source folder into one orb YAML, as {@code circleci orb pack} does
 * ({@link OrbPacker}): {@code shipcheck __pack-orb orb/src orb/orb.yml}. A test keeps the committed
 * {@code orb/orb.yml} equal to the packed source.
 */
final class OrbPackCommand implements Command {
  static final String NAME = "__pack-orb";
  static final String HEADER =
      "# Packed from orb/src by `bin/shipcheck __pack-orb orb/src orb/orb.yml`; edit the source.\n";

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
    if (args.length != 2) {
      throw new UsageException(NAME + " SOURCE_FOLDER OUT_FILE (e.g. orb/src orb/orb.yml)");
    }
    String packed;
    try {
      packed = HEADER + OrbPacker.pack(Path.of(args[0]));
    } catch (OrbPacker.PackException e) {
      throw new UsageException(NAME + ": " + e.getMessage());
    }
    Path out = Path.of(args[1]);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Files.writeString(tmp, packed, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        out,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    terminal.out().println("packed " + args[0] + " into " + out);
    return ExitCode.OK;
  }
}
