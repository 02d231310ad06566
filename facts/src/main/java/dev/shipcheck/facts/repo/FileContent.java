package dev.shipcheck.facts.repo;

import java.util.Objects;

/**
 * A file's content as read by a collector. Only {@link Kind#TEXT} carries text; binary, oversized
 * and unreadable files say why not, so a rule can report it rather than crash or hang.
 *
 * @param path the path in the repository, as spelled there
 * @param ref where it was read from: {@code working tree}, a branch name or a commit
 * @param size size in bytes (as far as known)
 * @param text the text for {@link Kind#TEXT}, empty otherwise
 * @param problem why there is no text, empty for {@link Kind#TEXT}
 */
public record FileContent(
    String path, String ref, Kind kind, long size, String text, String problem) {

  /** The largest file a collector reads as text. Policy files and configs are far smaller. */
  public static final long MAX_TEXT_BYTES = 1024 * 1024;

  /** What a collector could make of the file. */
  public enum Kind {
    TEXT,
    BINARY,
    TOO_LARGE,
    UNREADABLE
  }

  public FileContent {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(problem, "problem");
  }

  public static FileContent text(String path, String ref, String text, long size) {
    return new FileContent(path, ref, Kind.TEXT, size, text, "");
  }

  public static FileContent binary(String path, String ref, long size) {
    return new FileContent(
        path, ref, Kind.BINARY, size, "", "binary content (contains NUL bytes), not a text file");
  }

  public static FileContent tooLarge(String path, String ref, long size) {
    return new FileContent(
        path,
        ref,
        Kind.TOO_LARGE,
        size,
        "",
        "file is " + size + " bytes, larger than the " + MAX_TEXT_BYTES + "-byte limit for text");
  }

  public static FileContent unreadable(String path, String ref, String problem) {
    return new FileContent(path, ref, Kind.UNREADABLE, -1, "", problem);
  }

  public boolean isText() {
    return kind == Kind.TEXT;
  }
}
