package dev.shipcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.report.ScanReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A report directory ({@code --out}) that holds one run's files, whatever moment a {@code kill -9}
 * or a power cut strikes, and says when its set is complete.
 *
 * <p>POSIX can replace one file atomically ({@code rename(2)} over it) but not a set of files:
 * {@code rename(2)} refuses to replace a non-empty directory, so swapping in a new directory takes
 * two renames with a moment between them where {@code --out} is missing (and it would drop whatever
 * else the operator keeps there and change the directory CI's artifact step points at). So the set
 * is replaced in an order that keeps two invariants at every instant:
 *
 * <ol>
 *   <li>the directory never holds report files of two runs: the new set is written whole into a
 *       fresh staging directory inside {@code --out} (same file system, so renames are atomic) and
 *       synced; then every file of the previous set is deleted; only then is each new file renamed
 *       into place;
 *   <li>{@value #MANIFEST} exists only beside a complete set: it is set aside (renamed to {@value
 *       #REPLACING}) before the first old file goes and written, naming every file with its size
 *       and SHA-256, after the last new one is in place. A directory without it holds a set that a
 *       crash interrupted (or none).
 * </ol>
 *
 * A lock file serialises runs writing to the same directory; each run first removes what an
 * interrupted run left: staging directories, per-file temporary files of earlier versions, and the
 * files a set-aside manifest names.
 */
final class ReportSet {
  static final String MANIFEST = ".shipcheck-set.json";
  static final String REPLACING = ".shipcheck-set.replacing.json";
  static final String LOCK = ".shipcheck.lock";
  static final String STAGING_PREFIX = ".shipcheck-staging-";

  /**
   * The files our writers write; removed with the previous set even when no manifest names them.
   */
  private static final List<String> KNOWN =
      List.of("shipcheck.sarif", "shipcheck.json", "report.html", "junit.xml", "summary.md");

  private static final Pattern STALE_TEMP =
      Pattern.compile(
          "\\.(shipcheck\\.sarif|shipcheck\\.json|report\\.html|junit\\.xml|summary\\.md|"
              + "shipcheck-set\\.json)\\d*\\.tmp");
  private static final Pattern STALE_SARIF_TEMP = Pattern.compile("\\..+\\.sarif\\d*\\.tmp");

  /** Writes one run's files into a staging directory it is given. */
  interface Writer {
    /** Writes the set into {@code staging}; returns the formats that failed (files absent). */
    List<String> write(Path staging) throws IOException;
  }

  /** What {@link #replace} did. */
  record Outcome(List<Path> files, List<String> failed, List<String> removedStale) {}

  private ReportSet() {}

  /**
   * Replaces the report set in {@code out} with what {@code writer} writes.
   *
   * @return the files now in {@code out}, the formats that failed, and what an interrupted run had
   *     left that was removed
   */
  static Outcome replace(Path out, ScanReport report, Writer writer) throws IOException {
    Path dir = out.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    try (FileChannel lockFile =
            FileChannel.open(
                dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lock(lockFile)) {
      List<String> stale = sweep(dir);
      Path staging = Files.createTempDirectory(dir, STAGING_PREFIX);
      try {
        List<String> failed = writer.write(staging);
        List<String> files = relativeFiles(staging);
        syncTree(staging);
        commit(dir, staging, files, report, failed);
        return new Outcome(files.stream().map(dir::resolve).toList(), failed, stale);
      } finally {
        deleteTree(staging);
      }
    }
  }

  /**
   * The lock on the directory; none where the file system has no locks (some network file systems),
   * which only matters when two runs write one directory at the same moment.
   */
  private static FileLock lock(FileChannel channel) {
    try {
      return channel.lock();
    } catch (IOException e) {
      return null;
    }
  }

  private static void commit(
      Path dir, Path staging, List<String> files, ScanReport report, List<String> failed)
      throws IOException {
    Path manifest = dir.resolve(MANIFEST);
    Path replacing = dir.resolve(REPLACING);
    if (Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
      AtomicReportOutput.move(manifest, replacing);
      HistoryStore.syncDirectory(dir);
    }
    removePreviousSet(dir);
    for (String f : files) {
      Path target = dir.resolve(f);
      Files.createDirectories(target.getParent());
      AtomicReportOutput.move(staging.resolve(f), target);
    }
    syncDirectories(dir, files);
    writeManifest(dir, staging, files, report, failed);
    Files.deleteIfExists(replacing);
    HistoryStore.syncDirectory(dir);
  }

  /** Deletes the files of the previous set: those its manifest names, and our writers' names. */
  private static void removePreviousSet(Path dir) throws IOException {
    Set<String> old = new LinkedHashSet<>(KNOWN);
    old.addAll(named(dir.resolve(REPLACING)));
    Path sarif = dir.resolve("sarif");
    if (Files.isDirectory(sarif, LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(sarif, "*.sarif")) {
        for (Path p : s) {
          old.add("sarif/" + p.getFileName());
        }
      }
    }
    for (String f : old) {
      Path p = dir.resolve(f).normalize();
      if (p.startsWith(dir) && !p.equals(dir)) {
        Files.deleteIfExists(p);
      }
    }
    syncDirectories(dir, List.copyOf(old));
  }

  /** The paths a manifest names (none when it is missing or unreadable). */
  private static List<String> named(Path manifest) {
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (InputStream in = Files.newInputStream(manifest)) {
      JsonNode files = Json.mapper().readTree(in).path("files");
      List<String> out = new ArrayList<>();
      files.forEach(f -> out.add(f.path("path").asText("")));
      return out.stream().filter(p -> !p.isEmpty()).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static void writeManifest(
      Path dir, Path staging, List<String> files, ScanReport report, List<String> failed)
      throws IOException {
    List<Manifest.Entry> entries = new ArrayList<>();
    for (String f : files) {
      entries.add(entry(dir, f));
    }
    Manifest m =
        new Manifest(
            Manifest.FORMAT,
            report.tool().name() + " " + report.tool().version(),
            report.startedAt().toString(),
            entries,
            failed);
    Path temp = staging.resolve(MANIFEST);
    byte[] bytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    try (FileChannel ch =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
    }
    AtomicReportOutput.move(temp, dir.resolve(MANIFEST));
  }

  private static Manifest.Entry entry(Path dir, String f) throws IOException {
    MessageDigest sha = HistoryStore.sha256();
    long bytes;
    try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve(f)), sha)) {
      bytes = in.transferTo(OutputStream.nullOutputStream());
    }
    return new Manifest.Entry(f, bytes, HexFormat.of().formatHex(sha.digest()));
  }

  /**
   * The marker of a complete set.
   *
   * @param run when the scan whose reports these are started
   * @param failed formats whose writer failed in that run, so their files are absent
   */
  record Manifest(int format, String tool, String run, List<Entry> files, List<String> failed) {
    static final int FORMAT = 1;

    Manifest {
      files = List.copyOf(files);
      failed = List.copyOf(failed);
    }

    record Entry(String path, long bytes, String sha256) {}
  }

  /**
   * Removes what an interrupted run left: staging directories, earlier versions' per-file temporary
   * files, and, when a manifest was set aside, the files it named (the next step deletes the rest
   * of that set). Safe under the lock: no other run is writing here.
   */
  static List<String> sweep(Path dir) throws IOException {
    List<String> removed = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        String name = p.getFileName().toString();
        if (name.startsWith(STAGING_PREFIX) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(p);
          removed.add(name + "/");
        } else if (STALE_TEMP.matcher(name).matches()) {
          Files.deleteIfExists(p);
          removed.add(name);
        }
      }
    }
    Path sarif = dir.resolve("sarif");
    if (Files.isDirectory(sarif, LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(sarif)) {
        for (Path p : s) {
          if (STALE_SARIF_TEMP.matcher(p.getFileName().toString()).matches()) {
            Files.deleteIfExists(p);
            removed.add("sarif/" + p.getFileName());
          }
        }
      }
    }
    return removed;
  }

  /**
   * Regular files under {@code root}, relative, with {@code /} between names: top-level files
   * first, each level by name.
   */
  private static List<String> relativeFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> String.join("/", names(root.relativize(p))))
          .sorted(
              Comparator.comparingLong((String f) -> f.chars().filter(c -> c == '/').count())
                  .thenComparing(Comparator.naturalOrder()))
          .toList();
    }
  }

  private static List<String> names(Path rel) {
    List<String> out = new ArrayList<>();
    rel.forEach(n -> out.add(n.toString()));
    return out;
  }

  private static void syncTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .forEach(HistoryStore::syncDirectory);
    }
  }

  private static void syncDirectories(Path dir, List<String> files) {
    files.stream()
        .map(f -> dir.resolve(f).getParent())
        .distinct()
        .filter(Files::isDirectory)
        .forEach(HistoryStore::syncDirectory);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(p);
        } catch (NoSuchFileException e) {
          // gone already
        }
      }
    }
  }
}
