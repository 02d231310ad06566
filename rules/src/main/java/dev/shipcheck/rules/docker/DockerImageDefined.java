package dev.shipcheck.rules.docker;

import dev.shipcheck.core.fact.Facts;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.core.rule.RuleContext;
import dev.shipcheck.core.rule.Verdict;
import dev.shipcheck.facts.docker.DockerImage;
import dev.shipcheck.facts.repo.FileContent;

/** Deployment Policy §1: every project has a Docker image definition. */
@PolicyRule(
    title = "The project defines its Docker image in a Dockerfile",
    clauses = "DEPLOY-1.1",
    severity = Severity.MEDIUM,
    facts = DockerImage.class,
    tags = "docker")
public final class DockerImageDefined implements Rule {
  @Override
  public Verdict evaluate(Facts facts, RuleContext context) {
    DockerImage image = facts.get(DockerImage.class);
    String searched = String.join(", ", image.searched());
    switch (image.presence()) {
      case ABSENT:
        return Verdict.fail("no Dockerfile at any of: %s", searched)
            .evidence("repository", searched, "none of these paths exists")
            .at(Location.file(image.searched().get(0)));
      case UNKNOWN:
        return Verdict.notAvailable("could not tell whether a Dockerfile exists at: %s", searched);
      default:
        break;
    }
    String path = image.path().orElseThrow();
    FileContent content = image.content().orElseThrow();
    if (content.kind() == FileContent.Kind.BINARY) {
      return Verdict.fail("'%s' is not a Dockerfile: %s", path, content.problem())
          .evidence("repository", path, content.problem())
          .at(Location.file(path));
    }
    if (!content.isText()) {
      return Verdict.notAvailable("could not read '%s': %s", path, content.problem())
          .evidence("repository", path, content.problem());
    }
    var froms = image.parsed().orElseThrow().froms();
    if (froms.isEmpty()) {
      return Verdict.fail("'%s' has no FROM instruction, so it builds no image", path)
          .evidence("repository", path, "no FROM instruction")
          .at(Location.file(path));
    }
    Verdict pass =
        Verdict.pass(
                "'%s' defines the image, built from %s",
                path, froms.get(froms.size() - 1).written())
            .evidence(
                content.ref(), path + ":" + froms.get(0).line(), "FROM " + froms.get(0).written())
            .at(Location.line(path, froms.get(0).line()));
    for (String other : image.others()) {
      pass =
          pass.withNote(
              "another Dockerfile also exists at '" + other + "'; '" + path + "' was judged");
    }
    return pass;
  }
}
