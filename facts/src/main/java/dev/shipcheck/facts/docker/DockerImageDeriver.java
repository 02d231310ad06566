package dev.shipcheck.facts.docker;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactDeriver;
import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds and parses the Dockerfile from the repository files and the policy's paths. */
public final class DockerImageDeriver implements FactDeriver<DockerImage> {
  @Override
  public Class<DockerImage> produces() {
    return DockerImage.class;
  }

  @Override
  public List<Class<? extends Fact>> inputs() {
    return List.of(RepoFiles.class);
  }

  @Override
  public List<String> files(Policy policy) {
    return policy.section(DockerPolicy.SECTION).paths();
  }

  @Override
  public DockerImage derive(Facts inputs, Policy policy) {
    RepoFiles files = inputs.get(RepoFiles.class);
    List<String> searched = policy.section(DockerPolicy.SECTION).paths();
    List<String> found = new ArrayList<>();
    boolean unknown = false;
    for (String p : searched) {
      switch (files.presence(p)) {
        case PRESENT -> found.add(files.find(p).orElseThrow());
        case UNKNOWN -> unknown = true;
        case ABSENT -> {}
      }
    }
    if (found.isEmpty()) {
      RepoFiles.Presence presence =
          unknown ? RepoFiles.Presence.UNKNOWN : RepoFiles.Presence.ABSENT;
      return new DockerImage(
          searched, presence, Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }
    String path = found.get(0);
    Optional<FileContent> content = Optional.ofNullable(files.contents().get(path));
    Optional<Dockerfile> parsed =
        content.filter(FileContent::isText).map(c -> Dockerfile.parse(c.text()));
    return new DockerImage(
        searched,
        RepoFiles.Presence.PRESENT,
        Optional.of(path),
        found.subList(1, found.size()),
        content,
        parsed);
  }
}
