package dev.shipcheck.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitReposTest {

  @Test
  void jgitIsToldWhereGitsSystemConfigIsInsteadOfAskingGit(@TempDir Path dir) throws Exception {
    try (Repository repo =
        org.eclipse.jgit.api.Git.init().setDirectory(dir.toFile()).call().getRepository()) {
      try (Repository opened = GitRepos.open(dir)) {
        assertThat(opened.getWorkTree()).isEqualTo(repo.getWorkTree());
      }
    }
    // Set by GitRepos' initialiser: jgit's FS then never starts git to discover it.
    String env = System.getenv().getOrDefault("GIT_CONFIG_SYSTEM", "");
    assertThat(FS.DETECTED.getGitSystemConfig())
        .isEqualTo(new File(env.isBlank() ? "/etc/gitconfig" : env));

    Path custom =
        Files.writeString(dir.resolve("system.gitconfig"), "[shipcheck]\n\tprobe = yes\n");
    try {
      GitRepos.useSystemConfigWithoutRunningGit(Map.of("GIT_CONFIG_SYSTEM", custom.toString()));
      assertThat(FS.DETECTED.getGitSystemConfig()).isEqualTo(custom.toFile());
      FileBasedConfig system = SystemReader.getInstance().openSystemConfig(null, FS.DETECTED);
      system.load();
      assertThat(system.getString("shipcheck", null, "probe")).isEqualTo("yes");
    } finally {
      GitRepos.useSystemConfigWithoutRunningGit(System.getenv());
    }
  }
}
