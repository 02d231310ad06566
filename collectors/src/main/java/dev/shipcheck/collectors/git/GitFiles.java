package dev.shipcheck.collectors.git;

import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Repository;

/**
 * The working tree's files: the tracked paths from the index (fast, and skips ignored build output)
 * plus the files the policy needs as they are on disk now, since a pre-merge scan judges the
 * working tree about to be merged, committed or not.
 */
final class GitFiles {
  static final String WORKING_TREE = "working tree";

  private GitFiles() {}

  /**
   * The tracked paths, the wanted paths as on disk (tracked or not), and the text of those and of
   * the tracked files the scan's globs match, at most {@link FileWants#MAX_GLOB_FILES} of them.
   */
  static RepoFiles read(Repository repo, FileWants wants) throws IOException {
    List<String> wanted = wants.paths();
    Path root = repo.getWorkTree().toPath().toAbsolutePath().normalize();
    Tree tree = Tree.of(root, repo.getDirectory().toPath(), repo.getCommonDirectory().toPath());
    Set<String> paths = new LinkedHashSet<>();
    DirCache index = repo.readDirCache();
    for (int i = 0; i < index.getEntryCount(); i++) {
      String p = index.getEntry(i).getPathString();
      if (!inGitDir(p)) {
        paths.add(p);
      }
    }
    Map<String, FileContent> contents = new LinkedHashMap<>();
    for (String w : wanted) {
      if (inGitDir(w)) {
        continue; // git's own files are never repository files, whatever the policy asks
      }
      Optional<String> onDisk = findOnDisk(root, w);
      // A tracked file deleted from the working tree is gone for the scan.
      paths.removeIf(p -> p.equalsIgnoreCase(w) && onDisk.map(d -> !d.equals(p)).orElse(true));
      if (onDisk.isPresent()) {
        paths.add(onDisk.get());
        contents.put(onDisk.get(), content(tree, onDisk.get()));
      }
    }
    globbed(tree, wants, paths, contents);
    return new RepoFiles(WORKING_TREE, true, Set.of(), new ArrayList<>(paths), contents);
  }

  /**
   * Reads the text of tracked files the globs match; a file deleted on disk is gone for the scan.
   */
  private static void globbed(
      Tree tree, FileWants wants, Set<String> paths, Map<String, FileContent> contents) {
    if (wants.globs().isEmpty()) {
      return;
    }
    Path root = tree.root();
    int read = 0;
    List<String> gone = new ArrayList<>();
    for (String p : paths) {
      if (contents.containsKey(p) || !wants.globMatches(p)) {
        continue;
      }
      if (!Files.isRegularFile(root.resolve(p), LinkOption.NOFOLLOW_LINKS)
          && !Files.isSymbolicLink(root.resolve(p))) {
        gone.add(p);
      } else if (read < FileWants.MAX_GLOB_FILES) {
        contents.put(p, content(tree, p));
        read++;
      }
    }
    gone.forEach(paths::remove);
  }

  /** The path as spelled on disk, each component matched case-insensitively (exact first). */
  static Optional<String> findOnDisk(Path root, String wanted) throws IOException {
    Path dir = root;
    StringBuilder spelled = new StringBuilder();
    String[] parts = wanted.replace('\\', '/').split("/");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return Optional.empty();
      }
      Optional<String> match = entry(dir, part);
      if (match.isEmpty()) {
        return Optional.empty();
      }
      dir = dir.resolve(match.get());
      spelled.append(i == 0 ? "" : "/").append(match.get());
      boolean last = i == parts.length - 1;
      if (last ? !Files.isRegularFile(dir) : !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
    }
    return Optional.of(spelled.toString());
  }

  private static Optional<String> entry(Path dir, String name) throws IOException {
    if (Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> s =
          Files.newDirectoryStream(dir, e -> e.getFileName().toString().equals(name))) {
        if (s.iterator().hasNext()) {
          return Optional.of(name);
        }
      }
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        if (p.getFileName().toString().equalsIgnoreCase(name)) {
          return Optional.of(p.getFileName().toString());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a repository path names git's own directory ({@code .git} at any depth, in any case, as
   * git itself refuses such paths on checkout): never a repository file.
   */
  static boolean inGitDir(String path) {
    for (String part : path.replace('\\', '/').split("/")) {
      if (part.equalsIgnoreCase(".git")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The working tree as the scan may read it: files under {@code root} (real path), never under
   * git's directory ({@code gitDir}, wherever it is, and any {@code .git} inside the tree), where
   * the config can hold a checkout token.
   */
  record Tree(Path root, Path realRoot, List<Path> realGitDirs) {
    Tree {
      realGitDirs = List.copyOf(realGitDirs);
    }

    /** {@code gitDirs}: the repository's directory and, for a linked worktree, its common one. */
    static Tree of(Path root, Path... gitDirs) throws IOException {
      List<Path> git = new ArrayList<>();
      for (Path d : gitDirs) {
        try {
          git.add(d.toRealPath());
        } catch (IOException e) {
          // not there: nothing to protect
        }
      }
      return new Tree(root, root.toRealPath(), git);
    }

    /** Why {@code real} may not be read, if it may not. */
    Optional<String> refusal(Path real) {
      if (realGitDirs.stream().anyMatch(real::startsWith)) {
        return Optional.of("a symbolic link into git's own directory; not followed");
      }
      if (!real.startsWith(realRoot)) {
        return Optional.of("a symbolic link pointing outside the repository; not followed");
      }
      if (inGitDir(realRoot.relativize(real).toString())) {
        return Optional.of("a symbolic link into a .git directory; not followed");
      }
      return Optional.empty();
    }
  }

  /**
   * Reads a file as text unless it is too large (not read at all), binary (NUL bytes), or a
   * symbolic link out of the working tree or into git's directory (not followed: it could point at
   * anything, and {@code .git/config} can hold a token).
   */
  static FileContent content(Tree tree, String path) {
    if (inGitDir(path)) {
      return FileContent.unreadable(path, WORKING_TREE, "git's own file; never read");
    }
    Path file = tree.root().resolve(path);
    try {
      Path real = file.toRealPath();
      Optional<String> refused = tree.refusal(real);
      if (refused.isPresent()) {
        return FileContent.unreadable(path, WORKING_TREE, refused.get());
      }
      long size = Files.size(real);
      if (size > FileContent.MAX_TEXT_BYTES) {
        return FileContent.tooLarge(path, WORKING_TREE, size);
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(real)) {
        bytes = in.readNBytes((int) FileContent.MAX_TEXT_BYTES + 1);
      }
      if (bytes.length > FileContent.MAX_TEXT_BYTES) {
        return FileContent.tooLarge(path, WORKING_TREE, bytes.length);
      }
      for (byte b : bytes) {
        if (b == 0) {
          return FileContent.binary(path, WORKING_TREE, bytes.length);
        }
      }
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return FileContent.text(path, WORKING_TREE, text, bytes.length);
    } catch (IOException e) {
      return FileContent.unreadable(path, WORKING_TREE, "cannot be read: " + e.getMessage());
    }
  }
}
