package dev.shipcheck.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.facts.repo.Branches;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.simulators.repos.SampleRepo;
import dev.shipcheck.simulators.repos.SampleRepos;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCollectorTest {
  private static final Project PROJECT = new Project("acme/shop");

  @TempDir Path tmp;

  private <F extends Fact> F collect(Path repo, Class<F> type) throws Exception {
    FactStore store = new FactStore("test");
    var policy = PolicyLoader.defaults().policy();
    new GitCollector(repo)
        .collect(
            new CollectionRequest(
                java.util.List.of(PROJECT),
                Set.of(Branches.class, RepoFiles.class),
                policy,
                FileWants.forPolicy(policy),
                new SourceMetrics()),
            store);
    FactValue<F> v = store.get(PROJECT, type).orElseThrow();
    assertThat(v).isInstanceOf(FactValue.Present.class);
    return ((FactValue.Present<F>) v).value();
  }

  @Test
  void listsLocalBranchesOfARepositoryWithoutRemote() throws Exception {
    Path repo = SampleRepos.compliant().origin(null).writeTo(tmp.resolve("r"));
    Branches b = collect(repo, Branches.class);
    assertThat(b.branches())
        .extracting(Branches.Branch::name)
        .containsExactlyInAnyOrder("main", "qa", "staging", "production");
    assertThat(b.complete()).isTrue();
  }

  @Test
  void seesBranchesThatExistOnlyAsRemoteTrackingRefs() throws Exception {
    Path repo =
        SampleRepos.compliant()
            .cloneInto(tmp.resolve("up"), tmp.resolve("clone"), SampleRepo.CloneKind.FULL);
    Branches b = collect(repo, Branches.class);
    assertThat(b.complete()).isTrue();
    assertThat(b.findAny(java.util.List.of("staging")).orElseThrow().ref())
        .isEqualTo("refs/remotes/origin/staging");
  }

  @Test
  void shallowSingleBranchCloneIsIncompleteAndSaysHowToFetch() throws Exception {
    Path repo =
        SampleRepos.compliant()
            .cloneInto(
                tmp.resolve("up"),
                tmp.resolve("clone"),
                SampleRepo.CloneKind.SHALLOW_SINGLE_BRANCH);
    Branches b = collect(repo, Branches.class);
    assertThat(b.complete()).isFalse();
    assertThat(b.incompleteReason())
        .contains("shallow, single-branch clone")
        .contains("git fetch origin '+refs/heads/*:refs/remotes/origin/*'");
    assertThat(b.findAny(java.util.List.of("production"))).isEmpty();
  }

  @Test
  void shallowCloneOfAllBranchesIsComplete() throws Exception {
    Path repo =
        SampleRepos.compliant()
            .cloneInto(
                tmp.resolve("up"), tmp.resolve("clone"), SampleRepo.CloneKind.SHALLOW_ALL_BRANCHES);
    Branches b = collect(repo, Branches.class);
    assertThat(b.complete()).isTrue();
    assertThat(b.findAny(java.util.List.of("production"))).isPresent();
  }

  @Test
  void remoteNeverFetchedIsIncomplete() throws Exception {
    Path repo =
        SampleRepo.create()
            .file("a", "b")
            .originNeverFetched("https://github.com/acme/x.git")
            .writeTo(tmp.resolve("r"));
    assertThat(collect(repo, Branches.class).incompleteReason())
        .contains("no branches of origin have been fetched");
  }

  @Test
  void fetchedOriginBranchesCountAsSeen() throws Exception {
    Path repo = SampleRepos.compliant().writeTo(tmp.resolve("r"));
    Branches b = collect(repo, Branches.class);
    assertThat(b.complete()).isTrue();
    assertThat(b.findAny(java.util.List.of("production")).orElseThrow().ref())
        .isEqualTo("refs/heads/production");
  }

  @Test
  void readsWantedFilesCaseInsensitivelyAndListsTrackedOnes() throws Exception {
    Path repo =
        SampleRepo.create()
            .file("Docker/DockerFile", "FROM node:20\n")
            .file("src/a.js", "x")
            .writeTo(tmp.resolve("r"));
    RepoFiles files = collect(repo, RepoFiles.class);
    assertThat(files.presence("docker/Dockerfile")).isEqualTo(RepoFiles.Presence.PRESENT);
    assertThat(files.content("docker/dockerfile").orElseThrow().text()).isEqualTo("FROM node:20\n");
    assertThat(files.paths()).contains("src/a.js");
    assertThat(files.presence("Containerfile")).isEqualTo(RepoFiles.Presence.ABSENT);
  }

  @Test
  void judgesTheWorkingTreeNotTheIndex() throws Exception {
    Path repo = SampleRepo.create().file("Dockerfile", "FROM node:20\n").writeTo(tmp.resolve("r"));
    Files.delete(repo.resolve("Dockerfile"));
    Files.writeString(repo.resolve("Containerfile"), "FROM alpine:3.20\n");
    RepoFiles files = collect(repo, RepoFiles.class);
    assertThat(files.presence("Dockerfile")).isEqualTo(RepoFiles.Presence.ABSENT);
    assertThat(files.content("Containerfile").orElseThrow().text()).contains("alpine");
  }

  @Test
  void binaryAndHugeFilesAreNotReadAsText() throws Exception {
    Path repo =
        SampleRepo.create()
            .binaryFile("Dockerfile", new byte[] {'F', 0, 1, 2})
            .writeTo(tmp.resolve("r"));
    Path huge = repo.resolve("Containerfile");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024);
    }
    RepoFiles files = collect(repo, RepoFiles.class);
    assertThat(files.content("Dockerfile").orElseThrow().kind()).isEqualTo(FileContent.Kind.BINARY);
    FileContent big = files.content("Containerfile").orElseThrow();
    assertThat(big.kind()).isEqualTo(FileContent.Kind.TOO_LARGE);
    assertThat(big.size()).isEqualTo(50L * 1024 * 1024);
  }

  @Test
  void doesNotFollowSymlinksOutOfTheRepository() throws Exception {
    Path repo = SampleRepo.create().file("README.md", "x").writeTo(tmp.resolve("r"));
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "FROM secret:1\n");
    Files.createSymbolicLink(repo.resolve("Dockerfile"), secret);
    FileContent c = collect(repo, RepoFiles.class).content("Dockerfile").orElseThrow();
    assertThat(c.kind()).isEqualTo(FileContent.Kind.UNREADABLE);
    assertThat(c.problem()).contains("outside the repository");
  }

  @Test
  void namesTheProjectFromOrigin() throws Exception {
    Path repo = SampleRepos.compliant().writeTo(tmp.resolve("r"));
    try (Repository r = GitRepos.open(repo)) {
      assertThat(GitRepos.projectName(r)).isEqualTo("acme/shop");
    }
    assertThat(GitRepos.ownerRepo("https://github.com/acme/shop.git")).hasValue("acme/shop");
    assertThat(GitRepos.ownerRepo("ssh://git@ghe.acme.com:2222/team/app")).hasValue("team/app");
    assertThat(GitRepos.ownerRepo("git@github.com:acme/shop")).hasValue("acme/shop");
    assertThat(GitRepos.ownerRepo("not a url")).isEmpty();
  }

  @Test
  void namesTheProjectFromTheDirectoryWithoutOrigin() throws Exception {
    Path repo = SampleRepo.create().file("a", "b").writeTo(tmp.resolve("my-service"));
    try (Repository r = GitRepos.open(repo)) {
      assertThat(GitRepos.projectName(r)).isEqualTo("my-service");
    }
  }

  @Test
  void refusesAPathThatIsNotARepository() throws IOException {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThatThrownBy(() -> GitRepos.open(plain))
        .isInstanceOf(GitRepos.NotARepositoryException.class)
        .hasMessageContaining("not inside a git repository");
    assertThatThrownBy(() -> GitRepos.open(tmp.resolve("missing")))
        .hasMessageContaining("is not a directory");
  }
}
