package dev.shipcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.shipcheck.core.Json;
import dev.shipcheck.history.AuditEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit log, {@code audit.jsonl}: one JSON object per line, one line per run.
 *
 * <p>Appending writes the whole line with one {@code write} on a channel opened for append and
 * forces it to disk before returning. A crash can still leave a torn last line; reading reports it
 * (a last line without its newline) and skips it, and the next append first ends that fragment with
 * a newline, so a torn line never swallows the next run's entry. The log is never rewritten: a
 * damaged line stays, reported on each read, because an audit log that repairs itself is not one.
 */
final class AuditLog {
  static final String FILE = "audit.jsonl";

  private AuditLog() {}

  /** The entries that could be read, and one problem per damaged part of the log. */
  record Read(List<AuditEntry> entries, List<String> problems) {
    Read {
      entries = List.copyOf(entries);
      problems = List.copyOf(problems);
    }
  }

  static Read read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Read(List.of(), List.of());
    } catch (IOException e) {
      return new Read(List.of(), List.of(FILE + " could not be read (" + e + "); skipped"));
    }
    return parse(bytes);
  }

  static Read parse(byte[] bytes) {
    List<AuditEntry> entries = new ArrayList<>();
    List<Integer> damaged = new ArrayList<>();
    int tornLine = 0;
    int start = 0;
    int line = 0;
    while (start < bytes.length) {
      line++;
      int end = indexOf(bytes, (byte) '\n', start);
      int stop = end >= 0 ? end : bytes.length;
      String text = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
      start = stop + 1;
      if (text.isBlank()) {
        continue;
      }
      if (end < 0) {
        // No newline: the append that wrote it did not finish, whatever the bytes parse as.
        tornLine = line;
        continue;
      }
      try {
        entries.add(Json.mapper().readValue(text, AuditEntry.class));
      } catch (IOException | RuntimeException e) {
        damaged.add(line);
      }
    }
    return new Read(entries, problems(damaged, tornLine));
  }

  private static List<String> problems(List<Integer> damaged, int tornLine) {
    List<String> problems = new ArrayList<>();
    if (!damaged.isEmpty()) {
      boolean one = damaged.size() == 1;
      problems.add(
          FILE
              + ": "
              + (one ? "line " : "lines ")
              + String.join(", ", damaged.stream().map(String::valueOf).toList())
              + (one ? " is not a valid audit entry" : " are not valid audit entries")
              + " (damaged, or torn by an interrupted run); skipped");
    }
    if (tornLine > 0) {
      problems.add(
          FILE
              + ": line "
              + tornLine
              + " is incomplete (a run was interrupted while logging it); skipped");
    }
    return problems;
  }

  /** Appends one entry and forces it to disk. */
  static void append(Path file, AuditEntry entry) throws IOException {
    byte[] line = line(entry);
    ByteBuffer buf = ByteBuffer.allocate(line.length + 1);
    if (endsTorn(file)) {
      buf.put((byte) '\n');
    }
    buf.put(line).flip();
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
  }

  static byte[] line(AuditEntry entry) throws JsonProcessingException {
    // The compact writer never emits a raw newline: newlines inside strings are escaped.
    String json = Json.mapper().writeValueAsString(entry);
    return (json + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** True when the log's last line lacks its newline (an append was interrupted). */
  private static boolean endsTorn(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      ch.read(last, size - 1);
      return last.get(0) != '\n';
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
