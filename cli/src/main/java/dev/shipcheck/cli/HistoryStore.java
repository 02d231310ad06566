package dev.shipcheck.cli;

import dev.shipcheck.core.Json;
import dev.shipcheck.core.report.History;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.history.Actor;
import dev.shipcheck.history.AuditEntry;
import dev.shipcheck.history.RunFile;
import dev.shipcheck.history.Trend;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A history directory ({@code --history DIR}): each run's {@code shipcheck.json} under {@code
 * runs/NNNNNN.json} (the newest {@code keep} per target are kept) and the append-only audit log
 * {@code audit.jsonl}. Opening it takes an exclusive lock on {@code DIR/.lock}, held until {@link
 * #close()}, so two runs sharing a directory take turns.
 *
 * <p>Crash safety: a run file is written to a temporary file, forced to disk and renamed into
 * place, so it appears whole or not at all; then its audit line is appended and forced. A crash
 * leaves at worst a temporary file (removed and reported by the next run), a run file without its
 * audit line, or a torn last audit line, each reported and skipped by the next run, never fatal,
 * and never damaging what was recorded before. Checking the files is {@link HistoryCheck}'s job.
 */
final class HistoryStore implements AutoCloseable {
  static final int DEFAULT_KEEP = 90;
  static final String RUNS = "runs";
  private static final String LOCK = ".lock";

  /** Writes a run's report bytes; a seam for tests that fail half-way. */
  interface ReportBytes {
    void write(OutputStream out) throws IOException;
  }

  private final Path dir;
  private final int keep;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final HistoryCheck.Loaded loaded;

  private HistoryStore(
      Path dir, int keep, FileChannel lockChannel, FileLock lock, HistoryCheck.Loaded loaded) {
    this.dir = dir;
    this.keep = keep;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.loaded = loaded;
  }

  /** Opens (creating if needed) and checks a history directory. */
  static HistoryStore open(Path dir, int keep) throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1");
    }
    Path abs = dir.toAbsolutePath().normalize();
    Files.createDirectories(abs.resolve(RUNS));
    FileChannel ch =
        FileChannel.open(abs.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.lock();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return new HistoryStore(abs, keep, ch, lock, HistoryCheck.load(abs, keep));
  }

  Path dir() {
    return dir;
  }

  /** Problems found when opening: each names the file and what was skipped. */
  List<String> problems() {
    return loaded.problems();
  }

  List<AuditEntry> entries() {
    return loaded.entries();
  }

  /** The sequence number the next recorded run gets. */
  long nextRun() {
    return loaded.nextRun();
  }

  static String runPath(long run) {
    return RUNS + "/" + String.format("%06d", run) + ".json";
  }

  /** The trend for a report about to be recorded as the next run. */
  History trend(ScanReport report, Actor actor) {
    RunFile planned = new RunFile(runPath(nextRun()), 0, "");
    AuditEntry current = AuditEntry.of(nextRun(), report, actor, Optional.of(planned));
    return Trend.of(loaded.entries(), current, keep, loaded.intact(), loaded.problems());
  }

  /** Records a finished run; returns what could not be recorded (empty when all went well). */
  List<String> record(ScanReport report, Actor actor) {
    ScanReport saved = report.withoutHistory();
    return record(
        report,
        actor,
        out -> Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, saved));
  }

  List<String> record(ScanReport report, Actor actor, ReportBytes bytes) {
    List<String> problems = new ArrayList<>();
    long run = nextRun();
    Optional<RunFile> file = Optional.empty();
    try {
      file = Optional.of(writeRun(runPath(run), bytes));
    } catch (IOException | RuntimeException e) {
      problems.add("could not save this run's report as " + runPath(run) + ": " + e);
    }
    AuditEntry entry = AuditEntry.of(run, report, actor, file);
    try {
      AuditLog.append(dir.resolve(AuditLog.FILE), entry);
    } catch (IOException | RuntimeException e) {
      problems.add("could not append this run to " + AuditLog.FILE + ": " + e);
    }
    List<AuditEntry> all = new ArrayList<>(loaded.entries());
    all.add(entry);
    problems.addAll(HistoryCheck.prune(dir, keep, all));
    return problems;
  }

  private RunFile writeRun(String relative, ReportBytes bytes) throws IOException {
    MessageDigest sha = sha256();
    long[] count = new long[1];
    try (AtomicReportOutput out = new AtomicReportOutput(dir)) {
      try (OutputStream os = new DigestOutputStream(counting(out.open(relative), count), sha)) {
        bytes.write(os);
      }
      out.commit();
    }
    syncDirectory(dir.resolve(RUNS));
    return new RunFile(relative, count[0], HexFormat.of().formatHex(sha.digest()));
  }

  private static OutputStream counting(OutputStream out, long[] count) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        count[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count[0] += len;
      }
    };
  }

  /** Makes a rename durable; best effort, as not every file system can sync a directory. */
  static void syncDirectory(Path d) {
    try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      // the rename itself is atomic; only its durability across a power cut is not ensured
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }
}
