package dev.shipcheck.collectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.facts.github.BypassActor;
import dev.shipcheck.facts.github.ClassicRule;
import dev.shipcheck.facts.github.Ruleset;
import dev.shipcheck.facts.github.RulesetRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns GitHub's GraphQL protection objects into fact records, tolerating missing fields. */
final class ProtectionReader {
  private ProtectionReader() {}

  static ClassicRule classic(JsonNode n) {
    List<BypassActor> bypass = new ArrayList<>();
    for (JsonNode a : n.at("/bypassPullRequestAllowances/nodes")) {
      bypass.add(allowance(a.path("actor"), ClassicRule.BYPASS_PULL_REQUESTS));
    }
    for (JsonNode a : n.at("/bypassForcePushAllowances/nodes")) {
      bypass.add(allowance(a.path("actor"), ClassicRule.BYPASS_FORCE_PUSHES));
    }
    return new ClassicRule(
        n.path("pattern").asText(""),
        n.path("requiresApprovingReviews").asBoolean(false),
        n.path("requiredApprovingReviewCount").asInt(0),
        n.path("requiresStatusChecks").asBoolean(false),
        strings(n.path("requiredStatusCheckContexts")),
        // missing booleans are read in the weaker sense, so nothing is assumed protected
        n.path("allowsForcePushes").asBoolean(true),
        n.path("allowsDeletions").asBoolean(true),
        n.path("isAdminEnforced").asBoolean(false),
        bypass);
  }

  private static BypassActor allowance(JsonNode actor, String mode) {
    String kind = actor.path("__typename").asText("Unknown");
    String name =
        actor.hasNonNull("slug") ? actor.path("slug").asText() : actor.path("login").asText(kind);
    return new BypassActor(kind, name, mode);
  }

  static Ruleset ruleset(JsonNode n) {
    JsonNode source = n.path("source");
    String sourceType = source.path("__typename").asText("Repository");
    Ruleset.Level level =
        switch (sourceType) {
          case "Organization" -> Ruleset.Level.ORGANIZATION;
          case "Enterprise" -> Ruleset.Level.ENTERPRISE;
          default -> Ruleset.Level.REPOSITORY;
        };
    String sourceName =
        source.hasNonNull("login")
            ? source.path("login").asText()
            : source.hasNonNull("nameWithOwner")
                ? source.path("nameWithOwner").asText()
                : source.path("slug").asText(sourceType);
    List<RulesetRule> rules = new ArrayList<>();
    for (JsonNode r : n.at("/rules/nodes")) {
      JsonNode p = r.path("parameters");
      List<String> checks = new ArrayList<>();
      p.path("requiredStatusChecks").forEach(c -> checks.add(c.path("context").asText()));
      rules.add(
          new RulesetRule(
              r.path("type").asText("UNKNOWN"),
              p.path("requiredApprovingReviewCount").asInt(0),
              checks));
    }
    List<BypassActor> bypass = new ArrayList<>();
    for (JsonNode b : n.at("/bypassActors/nodes")) {
      bypass.add(bypassActor(b));
    }
    return new Ruleset(
        n.path("databaseId").asLong(0),
        n.path("name").asText(""),
        level,
        sourceName,
        enforcement(n.path("enforcement").asText("")),
        n.path("target").asText("BRANCH"),
        strings(n.at("/conditions/refName/include")),
        strings(n.at("/conditions/refName/exclude")),
        rules,
        bypass);
  }

  /** An unknown enforcement is read as not enforcing, so it never counts as protection. */
  private static Ruleset.Enforcement enforcement(String s) {
    try {
      return Ruleset.Enforcement.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Ruleset.Enforcement.DISABLED;
    }
  }

  private static BypassActor bypassActor(JsonNode b) {
    String mode =
        b.path("bypassMode").asText("ALWAYS").equals("PULL_REQUEST")
            ? "pull requests only"
            : "always";
    if (b.path("organizationAdmin").asBoolean(false)) {
      return new BypassActor("OrganizationAdmin", "OrganizationAdmin", mode);
    }
    if (b.path("enterpriseOwner").asBoolean(false)) {
      return new BypassActor("EnterpriseOwner", "EnterpriseOwner", mode);
    }
    if (b.path("deployKey").asBoolean(false)) {
      return new BypassActor("DeployKey", "DeployKey", mode);
    }
    if (b.hasNonNull("repositoryRoleName")) {
      return new BypassActor("RepositoryRole", b.path("repositoryRoleName").asText(), mode);
    }
    JsonNode actor = b.path("actor");
    String kind = actor.path("__typename").asText("Unknown");
    return new BypassActor(kind, actor.path("slug").asText(kind), mode);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(s -> out.add(s.asText()));
    return out;
  }
}
