package dev.shipcheck.simulators.repos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.URIish;

/**
 * Builds a real git repository with jgit: files committed on {@code main}, more branches, an {@code
 * origin} remote. {@link #cloneInto} makes the clones a CI job would see (branches only as
 * remote-tracking refs, shallow, single-branch).
 */
public final class SampleRepo {
  private static final PersonIdent AUTHOR =
      new PersonIdent("Sample Author", "author@example.com", 1_700_000_000_000L, 0);

  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final List<String> branches = new ArrayList<>();
  private String originUrl;
  private boolean originFetched = true;

  public static SampleRepo create() {
    return new SampleRepo();
  }

  public SampleRepo file(String path, String text) {
    files.put(path, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public SampleRepo binaryFile(String path, byte[] bytes) {
    files.put(path, bytes.clone());
    return this;
  }

  /** Branches created at the same commit as {@code main}. */
  public SampleRepo branches(String... names) {
    branches.addAll(List.of(names));
    return this;
  }

  /**
   * An {@code origin} remote whose branches have been fetched, as in a developer's checkout: every
   * local branch also exists as {@code refs/remotes/origin/NAME}.
   */
  public SampleRepo origin(String url) {
    this.originUrl = url;
    this.originFetched = true;
    return this;
  }

  /** An {@code origin} remote that was added but never fetched from. */
  public SampleRepo originNeverFetched(String url) {
    this.originUrl = url;
    this.originFetched = false;
    return this;
  }

  /** Writes the repository into {@code dir} (a working tree with {@code .git}). */
  public Path writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
          Path p = dir.resolve(e.getKey());
          Files.createDirectories(p.getParent());
          Files.write(p, e.getValue());
        }
        git.add().addFilepattern(".").call();
        RevCommit commit =
            git.commit()
                .setMessage("Initial commit")
                .setAuthor(AUTHOR)
                .setCommitter(AUTHOR)
                .setSign(false)
                .call();
        for (String b : branches) {
          git.branchCreate().setName(b).setStartPoint(commit).call();
        }
        if (originUrl != null) {
          git.remoteAdd().setName("origin").setUri(new URIish(originUrl)).call();
          if (originFetched) {
            for (String b : allBranches()) {
              RefUpdate u = git.getRepository().updateRef("refs/remotes/origin/" + b);
              u.setNewObjectId(commit);
              u.forceUpdate();
            }
          }
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> allBranches() {
    List<String> all = new ArrayList<>(List.of("main"));
    all.addAll(branches);
    return all;
  }

  /** How a CI job's checkout may look. */
  public enum CloneKind {
    /** A full clone: {@code main} local, every branch as {@code refs/remotes/origin/*}. */
    FULL,
    /** {@code git clone --depth 1}: shallow and single-branch. */
    SHALLOW_SINGLE_BRANCH,
    /** {@code git clone --depth 1 --no-single-branch}: shallow, every branch fetched. */
    SHALLOW_ALL_BRANCHES
  }

  /**
   * Writes this repository as the upstream into {@code upstreamDir} and clones it into {@code dir};
   * the clone's origin URL is then set to {@code originUrl} (if given) as a hosted one would be.
   */
  public Path cloneInto(Path upstreamDir, Path dir, CloneKind kind) {
    String hosted = originUrl;
    originUrl = null;
    writeTo(upstreamDir);
    var command =
        Git.cloneRepository()
            .setURI(upstreamDir.toUri().toString())
            .setDirectory(dir.toFile())
            .setBranch("main")
            .setCloneAllBranches(kind != CloneKind.SHALLOW_SINGLE_BRANCH)
            .setBranchesToClone(
                kind == CloneKind.SHALLOW_SINGLE_BRANCH ? List.of("refs/heads/main") : null);
    if (kind != CloneKind.FULL) {
      command.setDepth(1);
    }
    try (Git clone = command.call()) {
      StoredConfig config = clone.getRepository().getConfig();
      if (kind == CloneKind.SHALLOW_SINGLE_BRANCH) {
        // What `git clone --depth 1` writes: only the cloned branch is fetched.
        config.setString("remote", "origin", "fetch", "+refs/heads/main:refs/remotes/origin/main");
      }
      if (hosted != null) {
        config.setString("remote", "origin", "url", hosted);
      }
      config.save();
      return dir;
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    } finally {
      originUrl = hosted;
    }
  }
}
