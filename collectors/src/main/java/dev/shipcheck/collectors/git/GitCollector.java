package dev.shipcheck.collectors.git;

import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FactSink;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.facts.repo.Branches;
import dev.shipcheck.facts.repo.RepoFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/** Branches and working-tree files of the one local checkout a pre-merge scan looks at. */
final class GitCollector implements Collector {
  private final Path repository;

  GitCollector(Path repository) {
    this.repository = repository;
  }

  @Override
  public String source() {
    return GitSourceFactory.NAME;
  }

  @Override
  public Set<Class<? extends Fact>> provides() {
    return Set.of(Branches.class, RepoFiles.class);
  }

  @Override
  public void collect(CollectionRequest request, FactSink sink) throws Exception {
    try (Repository repo = GitRepos.open(repository)) {
      for (Project p : request.projects()) {
        if (request.wants(Branches.class)) {
          try {
            sink.put(p, Branches.class, FactValue.present(source(), GitBranches.read(repo)));
          } catch (IOException e) {
            sink.put(
                p,
                Branches.class,
                FactValue.unavailable(source(), "cannot read branches: " + e.getMessage()));
          }
        }
        if (request.wants(RepoFiles.class)) {
          try {
            sink.put(
                p,
                RepoFiles.class,
                FactValue.present(source(), GitFiles.read(repo, request.files())));
          } catch (IOException e) {
            sink.put(
                p,
                RepoFiles.class,
                FactValue.unavailable(source(), "cannot read the working tree: " + e.getMessage()));
          }
        }
      }
    }
  }
}
