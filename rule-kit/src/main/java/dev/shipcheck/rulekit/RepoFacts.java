package dev.shipcheck.rulekit;

import dev.shipcheck.facts.repo.Branches;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders of repository facts for rule tests. */
public final class RepoFacts {
  public static final String WORKING_TREE = "working tree";

  private RepoFacts() {}

  /** A complete listing of a working tree. */
  public static FilesBuilder files() {
    return new FilesBuilder(WORKING_TREE, true);
  }

  /** A partial listing (as a remote scan sees), of the given directories only. */
  public static FilesBuilder partialFiles(String ref, String... listedDirectories) {
    FilesBuilder b = new FilesBuilder(ref, false);
    b.listed.addAll(List.of(listedDirectories));
    return b;
  }

  /** Branches seen in a listing that is complete. */
  public static Branches branches(String... names) {
    List<Branches.Branch> list = new ArrayList<>();
    for (String n : names) {
      list.add(new Branches.Branch(n, "refs/heads/" + n));
    }
    return new Branches(list, true, "");
  }

  /** Branches seen in a listing known to be incomplete (shallow or single-branch clone). */
  public static Branches incompleteBranches(String reason, String... names) {
    return new Branches(branches(names).branches(), false, reason);
  }

  /** Builds {@link RepoFiles}. */
  public static final class FilesBuilder {
    private final String ref;
    private final boolean complete;
    private final Set<String> listed = new LinkedHashSet<>();
    private final List<String> paths = new ArrayList<>();
    private final Map<String, FileContent> contents = new LinkedHashMap<>();

    FilesBuilder(String ref, boolean complete) {
      this.ref = ref;
      this.complete = complete;
    }

    /** A text file. */
    public FilesBuilder file(String path, String text) {
      paths.add(path);
      contents.put(path, FileContent.text(path, ref, text, text.length()));
      return this;
    }

    /** A file whose existence is known but whose content was not read. */
    public FilesBuilder exists(String path) {
      paths.add(path);
      return this;
    }

    public FilesBuilder binary(String path, long size) {
      paths.add(path);
      contents.put(path, FileContent.binary(path, ref, size));
      return this;
    }

    public FilesBuilder tooLarge(String path, long size) {
      paths.add(path);
      contents.put(path, FileContent.tooLarge(path, ref, size));
      return this;
    }

    public RepoFiles build() {
      return new RepoFiles(ref, complete, listed, paths, contents);
    }
  }
}
