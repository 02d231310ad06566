package dev.shipcheck.cli;

import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Not for users: a representative pre-merge scan of a sample repository, run by {@code
 * bin/shipcheck} under {@code -XX:ArchiveClassesAtExit} to build the class-data sharing archive
 * that makes later start-ups fast.
 */
final class TrainCommand implements Command {
  static final String NAME = "__train-cds";

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
    Path dir = Files.createTempDirectory("shipcheck-cds");
    try {
      Path repo = SampleRepos.compliant().writeTo(dir.resolve("repo"));
      Path policy = Files.writeString(dir.resolve("shipcheck.yml"), PolicyLoader.starterText());
      PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      Terminal quiet = new Terminal(sink, sink, terminal.env(), terminal.clock(), false);
      new ScanCommand()
          .run(
              new String[] {
                "--repo",
                repo.toString(),
                "--policy",
                policy.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--save-facts",
                dir.resolve("facts.json").toString()
              },
              quiet);
      new ScanCommand()
          .run(
              new String[] {
                "--from-facts",
                dir.resolve("facts.json").toString(),
                "--out",
                dir.resolve("out2").toString()
              },
              quiet);
      return ExitCode.OK;
    } finally {
      deleteTree(dir);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
