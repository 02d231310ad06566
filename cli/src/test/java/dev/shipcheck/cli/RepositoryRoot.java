package dev.shipcheck.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * This repository's root, found from the test's working directory (Maven runs tests in the module
 * folder), and small helpers for tests that read its own files.
 */
final class RepositoryRoot {
  private RepositoryRoot() {}

  static Path get() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("bin/shipcheck"))
          && Files.isRegularFile(p.resolve("cli/pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no Shipcheck repository above " + Path.of("").toAbsolutePath());
  }

  static String read(String relative) {
    try {
      return Files.readString(get().resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }

  /** Output of a process run to completion (stdout and stderr together). */
  record Ran(int exit, String output) {}

  static Ran run(Path dir, Map<String, String> env, String... command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile());
      pb.redirectErrorStream(true);
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      return new Ran(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A stand-in {@code shipcheck} launcher for checking how scripts call it: appends its arguments,
   * one per line and a blank line after each call, to {@code calls.txt} in its folder, writes
   * {@code shipcheck.json} into the {@code --out} folder of a {@code scan}, and exits with {@code
   * $STUB_EXIT} (default 0).
   */
  static Path stubLauncher(Path dir) throws IOException {
    return stub(dir, "shipcheck");
  }

  /** The same stand-in under another command name (e.g. {@code docker}). */
  static Path stub(Path dir, String name) throws IOException {
    Path stub = dir.resolve(name);
    Files.writeString(
        stub,
        String.join(
            "\n",
            "#!/usr/bin/env bash",
            "log=\"$(dirname \"$0\")/calls.txt\"",
            "printf '%s\\n' \"$@\" >> \"$log\"; echo >> \"$log\"",
            "cat > /dev/null  # reads its input like the real command (docker login --password-stdin)",
            "out=''; prev=''",
            "for a in \"$@\"; do [ \"$prev\" = --out ] && out=\"$a\"; prev=\"$a\"; done",
            "if [ \"$1\" = scan ] && [ -n \"$out\" ]; then",
            "  mkdir -p \"$out\" && echo '{}' > \"$out/shipcheck.json\"",
            "fi",
            "exit \"${STUB_EXIT:-0}\"",
            ""));
    if (!stub.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + stub + " executable");
    }
    return stub;
  }

  /** The calls the stub launcher recorded, each as its argument list. */
  static List<List<String>> calls(Path stub) throws IOException {
    Path log = stub.resolveSibling("calls.txt");
    List<List<String>> calls = new ArrayList<>();
    if (!Files.exists(log)) {
      return calls;
    }
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.isEmpty()) {
        calls.add(List.copyOf(current));
        current.clear();
      } else {
        current.add(line);
      }
    }
    return calls;
  }
}
