package dev.shipcheck.cli;

import dev.shipcheck.collectors.git.GitRepos;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyDiff;
import dev.shipcheck.core.policy.PolicyException;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.core.report.PolicyNote;
import dev.shipcheck.core.rule.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A pull request that edits the policy file grants itself what the edit says: a waiver, a rule
 * switched off. When the scanned working tree's policy file (the {@code --policy} file if it lies
 * in the repository, else {@code shipcheck.yml} at its root) differs from the same file on the base
 * branch, this names what changed, semantically ({@link PolicyDiff}), for summary.md's first lines
 * and the console. Without a base branch to compare with, it says nothing.
 */
final class PolicyChange {
  static final String FLAG = "base-ref";
  static final String ROOT_FILE = "shipcheck.yml";

  /** Where the base branch is looked for when {@code --base-ref} is not given, in this order. */
  static final List<String> DEFAULT_REFS =
      List.of("refs/remotes/origin/HEAD", "origin/main", "origin/master");

  private static final long MAX_BYTES = 1024 * 1024;
  private static final int MAX_ITEMS = 12;

  private PolicyChange() {}

  /**
   * @param written the policy file as loaded, before anything of it was withheld
   * @param baseRef the {@code --base-ref} value, if given
   * @throws UsageException when {@code --base-ref} names nothing in the repository
   */
  static Optional<PolicyNote> check(
      LoadedPolicy written, Path workTree, Optional<String> baseRef, RuleCatalog catalog)
      throws UsageException {
    Path root = real(workTree);
    Optional<Path> file = policyFile(written, root);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    String rel = root.relativize(file.get()).toString().replace('\\', '/');
    String now;
    try {
      now = new String(Files.readAllBytes(file.get()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    Optional<Base> base = base(workTree, baseRef, rel);
    if (base.isEmpty() || base.get().text().map(now::equals).orElse(false)) {
      return Optional.empty();
    }
    Function<String, Optional<Severity>> defaults =
        id -> catalog.find(id).map(r -> r.descriptor().severity());
    String verb = base.get().text().isPresent() ? "edits" : "adds";
    String what = "This change " + verb + " the policy file " + rel;
    Optional<LoadedPolicy> before = base.get().policy(rel);
    Optional<LoadedPolicy> after = current(written, file.get(), rel, now);
    String message;
    List<String> items = List.of();
    if (before.isEmpty()) {
      message = what + "; its version on " + base.get().ref() + " is not a valid policy file.";
    } else if (after.isEmpty()) {
      message = what + ", which is not a valid policy file (see 'shipcheck policy validate').";
    } else {
      items = capped(PolicyDiff.between(before.get().policy(), after.get().policy(), defaults));
      message =
          what
              + (items.isEmpty()
                  ? ": no change to what it applies (comments or layout only)."
                  : ": " + String.join("; ", items) + ".");
    }
    return Optional.of(new PolicyNote(PolicyNote.Kind.CHANGED, rel, items, message));
  }

  /** The {@code --policy} file if it lies in the tree, else {@code shipcheck.yml} at its root. */
  private static Optional<Path> policyFile(LoadedPolicy written, Path root) {
    if (!written.isBuiltIn()) {
      Path given = real(Path.of(written.source()));
      if (given.startsWith(root)) {
        return Optional.of(given);
      }
    }
    Path file = real(root.resolve(ROOT_FILE));
    // Only a regular file of this tree: not a FIFO that would block, not a link out of it.
    return file.startsWith(root) && Files.isRegularFile(file)
        ? Optional.of(file)
        : Optional.empty();
  }

  private static Optional<LoadedPolicy> current(
      LoadedPolicy written, Path file, String rel, String text) {
    if (!written.isBuiltIn() && real(Path.of(written.source())).equals(file)) {
      return Optional.of(written);
    }
    try {
      return Optional.of(PolicyLoader.parse(rel, text));
    } catch (PolicyException e) {
      return Optional.empty();
    }
  }

  private static List<String> capped(List<String> items) {
    if (items.size() <= MAX_ITEMS) {
      return items;
    }
    List<String> out = new ArrayList<>(items.subList(0, MAX_ITEMS));
    out.add("and " + (items.size() - MAX_ITEMS) + " more changes");
    return out;
  }

  /**
   * The file on the base branch: its text, or empty when the branch does not have it; not readable
   * when it is there but not a regular file of at most a megabyte.
   */
  private record Base(String ref, Optional<String> text, boolean readable) {
    /** The base version as a policy; the built-in default when the branch has no such file. */
    Optional<LoadedPolicy> policy(String rel) {
      if (!readable) {
        return Optional.empty();
      }
      if (text.isEmpty()) {
        return Optional.of(PolicyLoader.defaults());
      }
      try {
        return Optional.of(PolicyLoader.parse(rel + " on " + ref, text.get()));
      } catch (PolicyException e) {
        return Optional.empty();
      }
    }
  }

  private static Optional<Base> base(Path workTree, Optional<String> flag, String rel)
      throws UsageException {
    try (Repository repo = GitRepos.open(workTree)) {
      for (String ref : flag.map(List::of).orElse(DEFAULT_REFS)) {
        Optional<ObjectId> commit = resolve(repo, ref);
        if (commit.isEmpty()) {
          continue;
        }
        try {
          return Optional.of(read(repo, ref, commit.get(), rel));
        } catch (IOException e) {
          if (flag.isPresent()) {
            throw new UsageException(
                "scan: --" + FLAG + " " + ref + ": cannot be read (" + e.getMessage() + ")");
          }
          return Optional.empty();
        }
      }
      if (flag.isPresent()) {
        throw new UsageException(
            "scan: --"
                + FLAG
                + " "
                + flag.get()
                + ": no such branch or commit in the scanned repository (fetch it first, e.g."
                + " git fetch origin main)");
      }
      return Optional.empty();
    } catch (GitRepos.NotARepositoryException e) {
      return Optional.empty();
    }
  }

  private static Optional<ObjectId> resolve(Repository repo, String ref) {
    try {
      return Optional.ofNullable(repo.resolve(ref + "^{commit}"));
    } catch (IOException | RevisionSyntaxException e) {
      return Optional.empty();
    }
  }

  private static Base read(Repository repo, String ref, ObjectId id, String rel)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(id);
      try (TreeWalk tw = TreeWalk.forPath(repo, rel, commit.getTree())) {
        if (tw == null) {
          return new Base(ref, Optional.empty(), true);
        }
        FileMode mode = tw.getFileMode(0);
        if (!FileMode.REGULAR_FILE.equals(mode) && !FileMode.EXECUTABLE_FILE.equals(mode)) {
          return new Base(ref, Optional.of(""), false);
        }
        ObjectLoader blob = repo.open(tw.getObjectId(0), Constants.OBJ_BLOB);
        if (blob.getSize() > MAX_BYTES) {
          return new Base(ref, Optional.of(""), false);
        }
        return new Base(
            ref, Optional.of(new String(blob.getBytes(), StandardCharsets.UTF_8)), true);
      }
    }
  }

  private static Path real(Path p) {
    return PolicyTrust.real(p);
  }
}
