package dev.shipcheck.collectors.git;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/** Opening a local checkout and naming its project. */
public final class GitRepos {
  private static final Pattern SCP_LIKE = Pattern.compile("^[^/@]+@[^:/]+:(.+)$");

  static {
    useSystemConfigWithoutRunningGit(System.getenv());
  }

  private GitRepos() {}

  /**
   * Tells jgit where git's system-wide config is, so it does not find out by starting {@code git
   * --version} and {@code git config --system --list} (two processes on every scan, a tenth of a
   * pre-merge scan's time): {@code $GIT_CONFIG_SYSTEM} when set (git 2.32+), else {@code
   * /etc/gitconfig}, where distribution packages keep it. A file that is not there reads as empty,
   * as with git; {@code GIT_CONFIG_NOSYSTEM} is honoured by jgit itself. Left to jgit on Windows,
   * where the place depends on the installation.
   */
  static void useSystemConfigWithoutRunningGit(Map<String, String> env) {
    if (SystemReader.getInstance().isWindows()) {
      return;
    }
    String configured = env.getOrDefault("GIT_CONFIG_SYSTEM", "");
    FS.DETECTED.setGitSystemConfig(new File(configured.isBlank() ? "/etc/gitconfig" : configured));
  }

  /** A path that is not a git working tree. */
  public static final class NotARepositoryException extends Exception {
    private static final long serialVersionUID = 1L;

    NotARepositoryException(String message) {
      super(message);
    }
  }

  /** Opens the repository whose working tree is {@code dir} (or contains it). */
  public static Repository open(Path dir) throws NotARepositoryException {
    if (!Files.isDirectory(dir)) {
      throw new NotARepositoryException(
          dir + " is not a directory; --repo takes the root of a git checkout");
    }
    try {
      FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
      builder.findGitDir(dir.toAbsolutePath().toFile());
      if (builder.getGitDir() == null) {
        throw new NotARepositoryException(
            dir
                + " is not inside a git repository (no .git found); run the scan in a checkout,"
                + " or pass --repo PATH");
      }
      Repository repo = builder.setMustExist(true).build();
      if (repo.isBare()) {
        repo.close();
        throw new NotARepositoryException(
            dir + " is a bare repository; scan a checkout with a working tree");
      }
      return repo;
    } catch (IOException | IllegalArgumentException e) {
      throw new NotARepositoryException(
          dir + " is not a readable git repository: " + e.getMessage());
    }
  }

  /**
   * The project name: {@code owner/repo} from the {@code origin} remote's URL when there is one,
   * else the working tree's directory name.
   */
  public static String projectName(Repository repo) {
    String url = repo.getConfig().getString("remote", "origin", "url");
    return ownerRepo(url)
        .orElseGet(
            () ->
                repo.getWorkTree().toPath().toAbsolutePath().normalize().getFileName().toString());
  }

  /** {@code owner/repo} from a GitHub-style remote URL (https, ssh, scp-like, file). */
  static Optional<String> ownerRepo(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String path;
    Matcher scp = SCP_LIKE.matcher(url);
    if (!url.contains("://") && scp.matches()) {
      path = scp.group(1);
    } else {
      try {
        path = new URI(url).getPath();
      } catch (URISyntaxException e) {
        return Optional.empty();
      }
    }
    if (path == null) {
      return Optional.empty();
    }
    path = path.replaceAll("/+$", "");
    if (path.endsWith(".git")) {
      path = path.substring(0, path.length() - 4);
    }
    String[] parts = path.split("/");
    if (parts.length < 2
        || parts[parts.length - 1].isBlank()
        || parts[parts.length - 2].isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parts[parts.length - 2] + "/" + parts[parts.length - 1]);
  }
}
