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

  private static final String TOKEN = "fake-checkout-token-that-must-never-be-read";

  /** A checkout's config as actions/checkout leaves it: the token in an extra header. */
  private static Path withTokenInGitConfig(Path repo) throws IOException {
    Path config = repo.resolve(".git/config");
    Files.writeString(
        config,
        Files.readString(config)
            + "[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic "
            + TOKEN
            + "\n");
    return repo;
  }

  @Test
  void neverFollowsASymlinkIntoTheGitDirectory() throws Exception {
    Path repo =
        withTokenInGitConfig(SampleRepo.create().file("README.md", "x").writeTo(tmp.resolve("r")));
    Files.createSymbolicLink(repo.resolve("Dockerfile"), Path.of(".git/config"));
    Files.createDirectories(repo.resolve(".circleci"));
    Files.createSymbolicLink(
        repo.resolve(".circleci/config.yml"), repo.resolve(".git/config").toAbsolutePath());
    Files.createSymbolicLink(repo.resolve("Containerfile"), Path.of(".git/HEAD"));
    RepoFiles files = collect(repo, RepoFiles.class);
    for (String p : java.util.List.of("Dockerfile", ".circleci/config.yml", "Containerfile")) {
      FileContent c = files.content(p).orElseThrow();
      assertThat(c.kind()).as(p).isEqualTo(FileContent.Kind.UNREADABLE);
      assertThat(c.problem()).as(p).contains("git's own directory; not followed");
    }
    assertThat(files.toString()).doesNotContain(TOKEN).doesNotContain("extraheader");
  }

  @Test
  void neverReadsGitsOwnFilesEvenWhenThePolicyAsksForThem() throws Exception {
    Path repo =
        withTokenInGitConfig(SampleRepo.create().file("README.md", "x").writeTo(tmp.resolve("r")));
    Path nested = Files.createDirectories(repo.resolve("sub/.git"));
    Files.writeString(nested.resolve("config"), "token " + TOKEN);
    Files.createSymbolicLink(repo.resolve("link"), Path.of("sub/.git/config"));
    FactStore store = new FactStore("test");
    var policy = PolicyLoader.defaults().policy();
    new GitCollector(repo)
        .collect(
            new CollectionRequest(
                java.util.List.of(PROJECT),
                Set.of(RepoFiles.class),
                policy,
                new FileWants(
                    java.util.List.of(".git/config", ".GIT/config", "sub/.git/config", "link"),
                    java.util.List.of(dev.shipcheck.core.collect.Glob.of("**"))),
                new SourceMetrics()),
            store);
    RepoFiles files =
        ((FactValue.Present<RepoFiles>) store.get(PROJECT, RepoFiles.class).orElseThrow()).value();
    assertThat(files.paths())
        .noneMatch(p -> p.toLowerCase(java.util.Locale.ROOT).contains(".git/"));
    assertThat(files.content(".git/config")).isEmpty();
    assertThat(files.content("link").orElseThrow().problem())
        .isEqualTo("a symbolic link into a .git directory; not followed");
    assertThat(files.toString()).doesNotContain(TOKEN);
  }

  @Test
  void symlinkLoopsFifosAndDirectoriesNamedDockerfileAreNoDockerfile() throws Exception {
    Path repo = SampleRepo.create().file("README.md", "x").writeTo(tmp.resolve("r"));
    Files.createSymbolicLink(repo.resolve("Dockerfile"), Path.of("Containerfile"));
    Files.createSymbolicLink(repo.resolve("Containerfile"), Path.of("Dockerfile"));
    Files.createDirectories(repo.resolve("docker/Dockerfile"));
    RepoFiles files = collect(repo, RepoFiles.class);
    assertThat(files.presence("Dockerfile")).isEqualTo(RepoFiles.Presence.ABSENT);
    assertThat(files.presence("Containerfile")).isEqualTo(RepoFiles.Presence.ABSENT);
    assertThat(files.presence("docker/Dockerfile")).isEqualTo(RepoFiles.Presence.ABSENT);
    Files.delete(repo.resolve("Dockerfile"));
    Process mkfifo = new ProcessBuilder("mkfifo", repo.resolve("Dockerfile").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    // A FIFO would block a reader forever; it is not a regular file, so it is never opened.
    assertThat(collect(repo, RepoFiles.class).presence("Dockerfile"))
        .isEqualTo(RepoFiles.Presence.ABSENT);
  }

  @Test
  void doesNotFollowSymlinksToSystemFiles() throws Exception {
    Path repo = SampleRepo.create().file("README.md", "x").writeTo(tmp.resolve("r"));
    Files.createSymbolicLink(repo.resolve("Dockerfile"), Path.of("/etc/passwd"));
    Files.createDirectories(repo.resolve(".circleci"));
    Files.createSymbolicLink(repo.resolve(".circleci/config.yml"), Path.of("/proc/self/environ"));
    RepoFiles files = collect(repo, RepoFiles.class);
    for (String p : java.util.List.of("Dockerfile", ".circleci/config.yml")) {
      FileContent c = files.content(p).orElseThrow();
      assertThat(c.kind()).as(p).isEqualTo(FileContent.Kind.UNREADABLE);
      assertThat(c.problem()).as(p).contains("outside the repository");
      assertThat(c.text()).isEmpty();
    }
  }

  @Test
  void readsTwentyThousandBranchesWithHostileNames() throws Exception {
    Path repo = SampleRepo.create().file("README.md", "x").origin(null).writeTo(tmp.resolve("r"));
    String head;
    try (Repository r = GitRepos.open(repo)) {
      head = r.resolve("HEAD").name();
    }
    StringBuilder packed = new StringBuilder("# pack-refs with: peeled fully-peeled sorted\n");
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      names.add(String.format(java.util.Locale.ROOT, "feature/%05d-\u202eevil@acme", i));
    }
    names.add("production");
    java.util.Collections.sort(names);
    for (String n : names) {
      packed.append(head).append(" refs/heads/").append(n).append('\n');
    }
    Files.writeString(repo.resolve(".git/packed-refs"), packed);
    Branches b = collect(repo, Branches.class);
    assertThat(b.branches()).hasSize(20_002); // with production and main
    assertThat(b.complete()).isTrue();
    assertThat(b.findAny(java.util.List.of("production"))).isPresent();
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
