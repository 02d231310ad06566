package dev.shipcheck.facts.docker;

import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactInfo;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.List;
import java.util.Optional;

/**
 * The project's Dockerfile: looked for at the policy's {@code docker.paths} (case-insensitively,
 * first match wins), with its content and parsed {@code FROM} lines.
 *
 * @param searched the paths looked at, in policy order
 * @param presence whether one was found ({@code UNKNOWN} when the listing could not tell)
 * @param path the path found, as spelled in the repository
 * @param others further candidates that also exist
 * @param parsed the parsed file when its content is text
 */
@FactInfo(name = "docker.image", description = "the Dockerfile at the policy's paths, parsed")
public record DockerImage(
    List<String> searched,
    RepoFiles.Presence presence,
    Optional<String> path,
    List<String> others,
    Optional<FileContent> content,
    Optional<Dockerfile> parsed)
    implements Fact {

  public DockerImage {
    searched = List.copyOf(searched);
    others = List.copyOf(others);
  }
}
