package dev.shipcheck.cli;

import dev.shipcheck.core.report.ReportOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Report files that appear whole or not at all: each is written to a temporary file beside its
 * target, synced, and renamed into place only by {@link #commit()}, after its writer finished. A
 * writer that fails leaves the previous file (if any) untouched.
 */
final class AtomicReportOutput implements ReportOutput, AutoCloseable {
  private final Path dir;
  private final Map<Path, Path> pending = new LinkedHashMap<>();
  private final List<Path> written = new ArrayList<>();

  AtomicReportOutput(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  @Override
  public OutputStream open(String relativePath) throws IOException {
    Path target = dir.resolve(relativePath).normalize();
    if (!target.startsWith(dir) || target.equals(dir)) {
      throw new IOException("refusing to write outside the report directory: " + relativePath);
    }
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    pending.put(temp, target);
    // createTempFile makes owner-only files; reports are artifacts others read.
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep its default
    }
    FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    return new FilterOutputStream(java.nio.channels.Channels.newOutputStream(channel)) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      private boolean closed;

      @Override
      public void close() throws IOException {
        // Jackson closes the stream it wrote and the writer's try-with-resources closes it again.
        if (!closed) {
          closed = true;
          channel.force(true);
          super.close();
        }
      }
    };
  }

  /** Moves every finished file into place. */
  List<Path> commit() throws IOException {
    List<Path> done = new ArrayList<>();
    for (Map.Entry<Path, Path> e : pending.entrySet()) {
      move(e.getKey(), e.getValue());
      done.add(e.getValue());
    }
    pending.clear();
    written.addAll(done);
    return done;
  }

  /** Drops every unfinished file. */
  void abort() {
    for (Path temp : pending.keySet()) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // best effort: a stray temporary file is harmless and named as such
      }
    }
    pending.clear();
  }

  List<Path> written() {
    return List.copyOf(written);
  }

  @Override
  public void close() {
    abort();
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
