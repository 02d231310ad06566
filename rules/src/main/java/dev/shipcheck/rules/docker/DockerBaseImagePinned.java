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
import java.util.ArrayList;
import java.util.List;

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
      return Verdict.notApplicable("no readable Dockerfile to judge (see DockerImageDefined)");
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
        if (!from.ref().orElseThrow().pinned()) {
          bad.add(
              "line "
                  + from.line()
                  + " 'FROM "
                  + from.written()
                  + "'"
                  + (from.written().equals(from.image().get())
                      ? ""
                      : " (" + from.image().get() + ")")
                  + (from.ref().orElseThrow().tag().isPresent()
                      ? " uses the 'latest' tag"
                      : " has no tag or digest"));
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
}
