package dev.shipcheck.facts.repo;

import dev.shipcheck.core.collect.Glob;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which files a repository has and the text of those the policy needs. A local scan lists the whole
 * working tree; a remote scan may list only some directories, so existence is three-valued.
 *
 * @param ref what was listed: {@code working tree}, or a branch name
 * @param listedDirectories directories whose entries are all known ({@code ""} is the root);
 *     ignored when {@code complete}
 * @param complete whether {@code paths} is the whole tree
 * @param paths files known to exist, {@code /}-separated, relative to the repository root
 * @param contents contents of the files the policy needs, by path as spelled in {@code paths}
 */
@FactInfo(
    name = "repo.files",
    description = "the repository's file tree and the text of the files the policy reads")
public record RepoFiles(
    String ref,
    boolean complete,
    Set<String> listedDirectories,
    List<String> paths,
    Map<String, FileContent> contents)
    implements Fact {

  public RepoFiles {
    Objects.requireNonNull(ref, "ref");
    listedDirectories = Set.copyOf(listedDirectories);
    paths = List.copyOf(paths);
    contents = Map.copyOf(new TreeMap<>(contents));
  }

  /** What was listed, for messages: {@code the working tree} or {@code branch main}. */
  public String where() {
    return ref.equals("working tree") ? "the working tree" : "branch " + ref;
  }

  /** Whether a file exists: yes, no, or not known from what was listed. */
  public enum Presence {
    PRESENT,
    ABSENT,
    UNKNOWN
  }

  /** The path as spelled in the repository, matching {@code wanted} case-insensitively. */
  public Optional<String> find(String wanted) {
    String key = normalise(wanted).toLowerCase(Locale.ROOT);
    for (String p : paths) {
      if (p.toLowerCase(Locale.ROOT).equals(key)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Whether a file exists at {@code wanted}, compared case-insensitively. */
  public Presence presence(String wanted) {
    if (find(wanted).isPresent()) {
      return Presence.PRESENT;
    }
    if (complete) {
      return Presence.ABSENT;
    }
    String parent = parentOf(normalise(wanted)).toLowerCase(Locale.ROOT);
    for (String dir : listedDirectories) {
      if (dir.toLowerCase(Locale.ROOT).equals(parent)) {
        return Presence.ABSENT;
      }
    }
    return Presence.UNKNOWN;
  }

  /** The listed paths a glob matches (case-insensitively), in listing order. */
  public List<String> matching(Glob glob) {
    return paths.stream().filter(glob::matches).toList();
  }

  /**
   * Whether any file matches the glob: yes, no, or not known because the listing does not cover
   * every directory the glob could match in.
   */
  public Presence presence(Glob glob) {
    if (paths.stream().anyMatch(glob::matches)) {
      return Presence.PRESENT;
    }
    if (complete) {
      return Presence.ABSENT;
    }
    Optional<String> dir = glob.directory();
    if (dir.isPresent()) {
      String wanted = dir.get().toLowerCase(Locale.ROOT);
      for (String listed : listedDirectories) {
        if (listed.toLowerCase(Locale.ROOT).equals(wanted)) {
          return Presence.ABSENT;
        }
      }
    }
    return Presence.UNKNOWN;
  }

  /** The content of a file, looked up case-insensitively. */
  public Optional<FileContent> content(String wanted) {
    return find(wanted).map(contents::get);
  }

  static String normalise(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p;
  }

  static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
