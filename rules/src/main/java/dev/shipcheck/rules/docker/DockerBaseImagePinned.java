package dev.shipcheck.rules.docker;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.docker.DockerImage;
import dev.shipcheck.facts.docker.Dockerfile;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deployment Policy §1: the image approximates production, so its base must not drift. */
@PolicyRule(
    title = "Every external base image is pinned to a tag or digest",
    clauses = "DEPLOY-1.1",
    severity = Severity.LOW,
    facts = DockerImage.class,
    tags = "docker")
public final class DockerBaseImagePinned implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    DockerImage image = facts.get(DockerImage.class);
    if (image.parsed().isEmpty()) {
      return unparsed(image);
    }
    String path = image.path().orElseThrow();
    List<String> bad = new ArrayList<>();
    List<Location> where = new ArrayList<>();
    int external = 0;
    List<String> seen = new ArrayList<>();
    for (Dockerfile.From from : image.parsed().get().froms()) {
      if (from.image().isEmpty()) {
        bad.add(
            "line "
                + from.line()
                + " 'FROM "
                + from.written()
                + "' uses a build argument with no default, so the Dockerfile does not pin it");
        where.add(Location.line(path, from.line()));
      } else if (from.isExternal()) {
        external++;
        seen.add("line " + from.line() + ": FROM " + from.image().get());
        Dockerfile.ImageRef ref = from.ref().orElseThrow();
        if (ref.malformedDigest().isPresent()) {
          bad.add(
              "line "
                  + from.line()
                  + " 'FROM "
                  + from.written()
                  + "' has a malformed digest: "
                  + ref.malformedDigest().get());
          where.add(Location.line(path, from.line()));
        } else if (!ref.pinned()) {
          bad.add(
              "line "
                  + from.line()
                  + " 'FROM "
                  + from.written()
                  + "'"
                  + (from.written().equals(from.image().get())
                      ? ""
                      : " (" + from.image().get() + ")")
                  + (ref.tag().isPresent() ? " uses the 'latest' tag" : " has no tag or digest"));
          where.add(Location.line(path, from.line()));
        }
      }
    }
    if (!bad.isEmpty()) {
      return Verdict.fail("%s: %s", path, String.join("; ", bad))
          .at(where)
          .evidence("repository", path, bad);
    }
    if (external == 0) {
      return Verdict.notApplicable("'%s' uses no external base image", path);
    }
    return Verdict.pass(
            "every external base image in '%s' is pinned (%d FROM line%s)",
            path, external, external == 1 ? "" : "s")
        .at(Location.file(path))
        .evidence("repository", path, seen);
  }

  /**
   * No parsed Dockerfile: none (DockerImageDefined fails that) or not a text file does not apply;
   * one that exists but could not be read (over the size limit, a link out of the repository, a
   * listing that cannot tell) is a gap, never a pass or a shrug.
   */
  private static Verdict unparsed(DockerImage image) {
    if (image.presence() == RepoFiles.Presence.UNKNOWN) {
      return Verdict.notAvailable(
          "could not tell whether a Dockerfile exists at: %s", String.join(", ", image.searched()));
    }
    if (image.presence() == RepoFiles.Presence.ABSENT) {
      return Verdict.notApplicable("no Dockerfile to judge (see DockerImageDefined)");
    }
    String path = image.path().orElseThrow();
    Optional<FileContent> content = image.content();
    if (content.isEmpty()) {
      return Verdict.notAvailable("the content of '%s' was not collected in this scan", path);
    }
    if (content.get().kind() == FileContent.Kind.BINARY) {
      return Verdict.notApplicable(
          "'%s' is not a text file, so it names no base image (see DockerImageDefined)", path);
    }
    return Verdict.notAvailable(
            "could not read '%s' to check its base images: %s", path, content.get().problem())
        .evidence("repository", path, content.get().problem());
  }
}
