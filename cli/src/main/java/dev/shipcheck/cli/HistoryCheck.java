package dev.shipcheck.cli;

import dev.shipcheck.core.report.Target;
import dev.shipcheck.history.AuditEntry;
import dev.shipcheck.history.RunFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a history directory and tells intact files from damaged ones: a run file must match the
 * size and SHA-256 its audit line recorded. Everything damaged, partly written, missing or unknown
 * becomes one problem naming the file and what was skipped; nothing here throws on bad content.
 */
final class HistoryCheck {
  private static final Pattern RUN_FILE = Pattern.compile("(\\d{6,18})\\.json");
  private static final Pattern TEMP_FILE = Pattern.compile("\\..+\\.tmp");

  private HistoryCheck() {}

  /**
   * @param entries valid audit entries, in log order
   * @param intact runs whose report file is present and matches its audit line
   */
  record Loaded(List<AuditEntry> entries, Set<Long> intact, List<String> problems, long nextRun) {
    Loaded {
      entries = List.copyOf(entries);
      intact = Set.copyOf(intact);
      problems = List.copyOf(problems);
    }
  }

  static Loaded load(Path dir, int keep) {
    AuditLog.Read log = AuditLog.read(dir.resolve(AuditLog.FILE));
    List<String> problems = new ArrayList<>(log.problems());
    Map<Long, Path> files = runFiles(dir.resolve(HistoryStore.RUNS), problems);
    Set<Long> intact = intact(files, log.entries(), problems);
    for (AuditEntry e :
        retained(log.entries(), keep).values().stream().flatMap(List::stream).toList()) {
      if (e.report().isPresent() && !files.containsKey(e.run())) {
        problems.add(
            HistoryStore.runPath(e.run())
                + " (run "
                + e.run()
                + " of "
                + e.startedAt()
                + ") is missing; that run is known only from the audit log");
      }
    }
    long last =
        Math.max(
            files.keySet().stream().mapToLong(Long::longValue).max().orElse(0),
            log.entries().stream().mapToLong(AuditEntry::run).max().orElse(0));
    return new Loaded(log.entries(), intact, problems, last + 1);
  }

  /** The run files that match their audit line; a problem for each that does not. */
  private static Set<Long> intact(
      Map<Long, Path> files, List<AuditEntry> entries, List<String> problems) {
    Map<Long, AuditEntry> byRun = new HashMap<>();
    entries.forEach(e -> byRun.put(e.run(), e));
    Set<Long> intact = new HashSet<>();
    for (Map.Entry<Long, Path> f : files.entrySet()) {
      AuditEntry e = byRun.get(f.getKey());
      String name = HistoryStore.runPath(f.getKey());
      if (e == null || e.report().isEmpty()) {
        problems.add(
            name
                + " is not in the audit log (the run was interrupted before logging it, or its"
                + " log line is damaged); skipped");
        continue;
      }
      Optional<String> damage =
          e.report().get().path().equals(name)
              ? verify(f.getValue(), e.report().get())
              : Optional.of("its audit line names it " + e.report().get().path());
      if (damage.isPresent()) {
        problems.add(name + " is damaged (" + damage.get() + "); skipped");
      } else {
        intact.add(f.getKey());
      }
    }
    return intact;
  }

  /** Run files by number; removes temporary files that interrupted runs left, reporting each. */
  private static Map<Long, Path> runFiles(Path runs, List<String> problems) {
    Map<Long, Path> files = new TreeMap<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(runs)) {
      for (Path p : stream) {
        String name = p.getFileName().toString();
        Matcher m = RUN_FILE.matcher(name);
        if (m.matches() && Files.isRegularFile(p)) {
          files.put(Long.parseLong(m.group(1)), p);
        } else if (TEMP_FILE.matcher(name).matches()) {
          // Only a run holding the lock writes here, so this one belongs to an interrupted run.
          Files.deleteIfExists(p);
          problems.add(
              HistoryStore.RUNS
                  + "/"
                  + name
                  + " was partly written by an interrupted run; removed");
        } else {
          problems.add(HistoryStore.RUNS + "/" + name + " is not a history file; ignored");
        }
      }
    } catch (IOException e) {
      problems.add(HistoryStore.RUNS + "/ could not be listed (" + e + "); run files skipped");
    }
    return files;
  }

  private static Optional<String> verify(Path file, RunFile recorded) {
    try {
      long size = Files.size(file);
      if (size != recorded.bytes()) {
        return Optional.of(
            size + " bytes where the audit log recorded " + recorded.bytes() + " bytes");
      }
      MessageDigest sha = HistoryStore.sha256();
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          sha.update(buf, 0, n);
        }
      }
      if (!HexFormat.of().formatHex(sha.digest()).equals(recorded.sha256())) {
        return Optional.of("its SHA-256 differs from the one the audit log recorded");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("unreadable: " + e);
    }
  }

  /** Per target, its newest {@code keep} entries that saved a report, oldest first. */
  static Map<String, List<AuditEntry>> retained(List<AuditEntry> entries, int keep) {
    Map<String, List<AuditEntry>> byTarget = new LinkedHashMap<>();
    for (AuditEntry e : entries) {
      if (e.report().isPresent()) {
        byTarget.computeIfAbsent(key(e.target()), k -> new ArrayList<>()).add(e);
      }
    }
    byTarget.replaceAll((k, list) -> list.subList(Math.max(0, list.size() - keep), list.size()));
    return byTarget;
  }

  /**
   * Deletes run files beyond the newest {@code keep} of each target; returns what could not be
   * deleted. A run file that no readable audit line names is never deleted: it is reported on each
   * run instead, because a damaged log must not make the history it describes disappear.
   */
  static List<String> prune(Path dir, int keep, List<AuditEntry> entries) {
    Set<Long> kept = new HashSet<>();
    retained(entries, keep).values().forEach(list -> list.forEach(e -> kept.add(e.run())));
    List<String> problems = new ArrayList<>();
    for (AuditEntry e : entries) {
      if (e.report().isEmpty() || kept.contains(e.run())) {
        continue;
      }
      try {
        Files.deleteIfExists(dir.resolve(HistoryStore.runPath(e.run())));
      } catch (IOException ex) {
        problems.add(
            "could not delete " + HistoryStore.runPath(e.run()) + " beyond retention: " + ex);
      }
    }
    return problems;
  }

  private static String key(Target t) {
    return t.kind() + "\n" + t.name().toLowerCase(Locale.ROOT) + "\n" + t.shard().orElse("");
  }
}
