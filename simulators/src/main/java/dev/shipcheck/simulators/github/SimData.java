package dev.shipcheck.simulators.github;

import dev.shipcheck.simulators.github.SimRepo.Access;
import dev.shipcheck.simulators.github.SimRepo.SimBypass;
import dev.shipcheck.simulators.github.SimRepo.SimClassicRule;
import dev.shipcheck.simulators.github.SimRepo.SimRule;
import dev.shipcheck.simulators.github.SimRepo.SimRuleset;
import dev.shipcheck.simulators.github.SimWiring.Computed;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The simulated organisation as GraphQL objects (maps), built on demand per request. */
final class SimData {
  static final String CTX_COST = "sim.cost";
  static final String CTX_UNREACHABLE = "sim.unreachable";

  private final SimOrg org;
  private final Set<String> unreachable;
  private final int truncateBytes;

  SimData(SimOrg org, Set<String> unreachable, int truncateBytes) {
    this.org = org;
    this.unreachable = unreachable;
    this.truncateBytes = truncateBytes;
  }

  /** The Query root. */
  Map<String, Object> root() {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("organization", (Computed) this::organization);
    q.put("repository", (Computed) this::repository);
    q.put("rateLimit", (Computed) env -> env.getGraphQlContext().get(CTX_COST));
    q.put("viewer", obj("User", "login", "shipcheck-bot", "id", "U_1"));
    return q;
  }

  private Object organization(DataFetchingEnvironment env) {
    String login = env.getArgument("login");
    if (!org.login().equalsIgnoreCase(login)) {
      return notFound(
          env, "Could not resolve to an Organization with the login of '" + login + "'.");
    }
    Map<String, Object> o = obj("Organization", "login", org.login(), "id", "O_" + org.login());
    o.put("name", org.login());
    o.put(
        "repositories",
        (Computed)
            e -> org.repos().stream().map(r -> (Object) (SimWiring.Lazy) () -> repo(r)).toList());
    return o;
  }

  private Object repository(DataFetchingEnvironment env) {
    String owner = env.getArgument("owner");
    String name = env.getArgument("name");
    var repo =
        org.login().equalsIgnoreCase(owner) ? org.repo(name) : java.util.Optional.<SimRepo>empty();
    if (repo.isEmpty()) {
      return notFound(
          env, "Could not resolve to a Repository with the name '" + owner + "/" + name + "'.");
    }
    if (unreachable.contains(repo.get().name())) {
      env.getGraphQlContext().put(CTX_UNREACHABLE, true);
      return null;
    }
    return repo(repo.get());
  }

  static DataFetcherResult<Object> error(DataFetchingEnvironment env, String type, String message) {
    return DataFetcherResult.newResult()
        .data(null)
        .error(
            GraphqlErrorBuilder.newError(env)
                .message(message)
                .extensions(Map.of("type", type))
                .build())
        .build();
  }

  private static DataFetcherResult<Object> notFound(DataFetchingEnvironment env, String message) {
    return error(env, "NOT_FOUND", message);
  }

  Map<String, Object> repo(SimRepo r) {
    String full = org.login() + "/" + r.name();
    Map<String, Object> m = obj("Repository", "id", "R_" + r.name(), "name", r.name());
    m.put("nameWithOwner", full);
    m.put("owner", obj("Organization", "login", org.login(), "id", "O_" + org.login()));
    m.put("isArchived", r.archived());
    m.put("isFork", r.fork());
    m.put("isPrivate", !r.visibility().equals("PUBLIC"));
    m.put("isDisabled", false);
    m.put("isEmpty", false);
    m.put("isLocked", false);
    m.put("visibility", r.visibility());
    m.put("viewerCanAdminister", r.access() != Access.NO_ACCESS);
    m.put("defaultBranchRef", ref(r, r.defaultBranch()));
    m.put(
        "repositoryTopics",
        r.topics().stream()
            .map(t -> (Object) obj("RepositoryTopic", "topic", obj("Topic", "name", t)))
            .toList());
    m.put("refs", (Computed) env -> refs(r, env));
    m.put(
        "ref",
        (Computed)
            env -> {
              String q = env.getArgument("qualifiedName");
              String b = q.startsWith("refs/heads/") ? q.substring(11) : q;
              return r.branches().contains(b) ? ref(r, b) : null;
            });
    m.put("object", (Computed) env -> object(r, env.getArgument("expression")));
    m.put(
        "branchProtectionRules",
        (Computed)
            env ->
                r.access() == Access.ADMIN
                    ? r.classicRules().stream().map(SimData::classic).toList()
                    : List.of());
    m.put("rulesets", (Computed) env -> rulesets(r, env));
    m.put("pullRequests", (Computed) env -> pullRequests(r, env));
    return m;
  }

  /**
   * {@code pullRequests(baseRefName:, states:, orderBy:)}: the repository's merged pull requests
   * (the simulator has no open or closed ones), filtered and sorted as GitHub does.
   */
  private Object pullRequests(SimRepo r, DataFetchingEnvironment env) {
    String base = env.getArgument("baseRefName");
    List<?> states = env.getArgument("states");
    if (states != null && !states.isEmpty() && !states.contains("MERGED")) {
      return List.of();
    }
    Map<String, Object> order = env.getArgument("orderBy");
    String field = order == null ? "CREATED_AT" : String.valueOf(order.get("field"));
    boolean desc = order != null && "DESC".equals(String.valueOf(order.get("direction")));
    java.util.Comparator<SimHistory.SimPullRequest> by =
        field.equals("UPDATED_AT")
            ? java.util.Comparator.comparing(SimHistory.SimPullRequest::updatedAt)
            : java.util.Comparator.comparingInt(SimHistory.SimPullRequest::number);
    if (desc) {
      by = by.reversed();
    }
    return org.history(r.name()).pullRequests().stream()
        .filter(p -> base == null || base.equals(p.baseRef()))
        .sorted(by)
        .map(p -> (Object) (SimWiring.Lazy) () -> pullRequest(r, p))
        .toList();
  }

  private static Map<String, Object> pullRequest(SimRepo r, SimHistory.SimPullRequest p) {
    Map<String, Object> m = obj("PullRequest", "id", "PR_" + r.name() + "_" + p.number());
    m.put("number", p.number());
    m.put("state", "MERGED");
    m.put("merged", true);
    m.put("baseRefName", p.baseRef());
    m.put("mergedAt", p.mergedAt().toString());
    m.put("updatedAt", p.updatedAt().toString());
    m.put("createdAt", p.lastCommitAt().minusSeconds(3600).toString());
    m.put("headRefOid", p.headCommit());
    m.put("mergeCommit", commit(p.mergeCommit(), p.mergedAt()));
    m.put("author", actor(p.author()));
    m.put("mergedBy", actor(p.mergedBy()));
    m.put(
        "commits",
        List.of(
            obj(
                "PullRequestCommit",
                "id",
                "PRC_" + p.headCommit(),
                "commit",
                commit(p.headCommit(), p.lastCommitAt()))));
    m.put(
        "reviews",
        (Computed)
            env -> {
              List<?> wanted = env.getArgument("states");
              return p.reviews().stream()
                  .filter(v -> wanted == null || wanted.isEmpty() || wanted.contains(v.state()))
                  .map(
                      v -> {
                        Map<String, Object> review =
                            obj("PullRequestReview", "id", "PRR_" + p.number() + v.submittedAt());
                        review.put("state", v.state());
                        review.put("author", actor(v.author()));
                        review.put("submittedAt", v.submittedAt().toString());
                        review.put("commit", v.commit() == null ? null : commit(v.commit(), null));
                        return (Object) review;
                      })
                  .toList();
            });
    return m;
  }

  private static Map<String, Object> commit(String oid, java.time.Instant at) {
    Map<String, Object> c = obj("Commit", "id", "C_" + oid, "oid", oid);
    if (at != null) {
      c.put("committedDate", at.toString());
    }
    return c;
  }

  private static Map<String, Object> actor(SimHistory.SimUser u) {
    if (u == null) {
      return null;
    }
    Map<String, Object> a = obj(u.bot() ? "Bot" : "User", "login", u.login());
    a.put("resourcePath", u.bot() ? "/apps/" + u.login() : "/" + u.login());
    return a;
  }

  private static Map<String, Object> ref(SimRepo r, String branch) {
    Map<String, Object> m = obj("Ref", "id", "REF_" + r.name() + "_" + branch, "name", branch);
    m.put("prefix", "refs/heads/");
    return m;
  }

  private static Object refs(SimRepo r, DataFetchingEnvironment env) {
    String prefix = env.getArgument("refPrefix");
    if (!"refs/heads/".equals(prefix)) {
      return List.of();
    }
    return r.branches().stream().sorted().map(b -> (Object) ref(r, b)).toList();
  }

  private Object object(SimRepo r, String expression) {
    int colon = expression.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String rev = expression.substring(0, colon);
    String path = expression.substring(colon + 1);
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    Map<String, String> tree = r.tree(rev.equals("HEAD") ? r.defaultBranch() : rev);
    if (tree == null) {
      return null;
    }
    if (tree.containsKey(path)) {
      return blob(tree.get(path));
    }
    Map<String, String> entries = SimRepo.entries(tree, path);
    if (entries.isEmpty() && !path.isEmpty()) {
      return null;
    }
    List<Object> list = new ArrayList<>();
    String base = path.isEmpty() ? "" : path + "/";
    entries.forEach(
        (name, type) -> {
          Map<String, Object> e = obj("TreeEntry", "name", name, "type", type);
          e.put("path", base + name);
          e.put("mode", type.equals("tree") ? 16384 : 33188);
          list.add(e);
        });
    return obj("Tree", "oid", sha1(path + entries), "entries", list);
  }

  private Map<String, Object> blob(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    boolean truncated = bytes.length > truncateBytes;
    Map<String, Object> b = obj("Blob", "oid", sha1(text), "byteSize", bytes.length);
    b.put("isBinary", text.indexOf('\0') >= 0);
    b.put("isTruncated", truncated);
    b.put(
        "text",
        text.indexOf('\0') >= 0
            ? null
            : truncated ? new String(bytes, 0, truncateBytes, StandardCharsets.UTF_8) : text);
    return b;
  }

  private static Map<String, Object> classic(SimClassicRule c) {
    Map<String, Object> m =
        obj("BranchProtectionRule", "id", "BPR_" + c.pattern(), "pattern", c.pattern());
    m.put("requiresApprovingReviews", c.requiresApprovingReviews());
    m.put("requiredApprovingReviewCount", c.requiredApprovingReviewCount());
    m.put("requiresStatusChecks", c.requiresStatusChecks());
    m.put("requiredStatusCheckContexts", c.statusChecks());
    m.put("allowsForcePushes", c.allowsForcePushes());
    m.put("allowsDeletions", c.allowsDeletions());
    m.put("isAdminEnforced", c.isAdminEnforced());
    m.put(
        "bypassPullRequestAllowances",
        c.pullRequestBypassTeams().stream()
            .map(
                t -> (Object) obj("BypassPullRequestAllowance", "id", "BPA_" + t, "actor", team(t)))
            .toList());
    m.put("bypassForcePushAllowances", List.of());
    return m;
  }

  private Object rulesets(SimRepo r, DataFetchingEnvironment env) {
    if (r.access() == Access.NO_ACCESS) {
      return error(env, "FORBIDDEN", "Resource not accessible by integration");
    }
    if (r.access() == Access.PLAN_LIMITED) {
      return error(
          env,
          "FORBIDDEN",
          "Upgrade to GitHub Pro or make this repository public to enable this feature.");
    }
    List<Object> out = new ArrayList<>();
    r.rulesets()
        .forEach(
            rs ->
                out.add(
                    ruleset(
                        rs,
                        obj(
                            "Repository",
                            "nameWithOwner",
                            org.login() + "/" + r.name(),
                            "id",
                            "R_" + r.name()))));
    Boolean parents = env.getArgument("includeParents");
    if (parents == null || parents) {
      for (SimRuleset rs : org.rulesets()) {
        if (rs.repositoryInclude().stream()
            .anyMatch(p -> p.equals("~ALL") || glob(p).matcher(r.name()).matches())) {
          out.add(ruleset(rs, obj("Organization", "login", org.login(), "id", "O_" + org.login())));
        }
      }
    }
    return out;
  }

  private static Map<String, Object> ruleset(SimRuleset rs, Map<String, Object> source) {
    Map<String, Object> m = obj("RepositoryRuleset", "id", "RRS_" + rs.id(), "databaseId", rs.id());
    m.put("name", rs.name());
    m.put("enforcement", rs.enforcement());
    m.put("target", "BRANCH");
    m.put("source", source);
    m.put("createdAt", "2025-01-01T00:00:00Z");
    m.put("updatedAt", "2025-06-01T00:00:00Z");
    Map<String, Object> conditions = new LinkedHashMap<>();
    conditions.put(
        "refName",
        obj("RefNameConditionTarget", "include", rs.refInclude(), "exclude", rs.refExclude()));
    m.put("conditions", conditions);
    m.put("rules", rs.rules().stream().map(SimData::rule).toList());
    m.put("bypassActors", rs.bypassActors().stream().map(SimData::bypass).toList());
    return m;
  }

  private static Object rule(SimRule r) {
    Map<String, Object> m = obj("RepositoryRule", "id", "RR_" + r.type(), "type", r.type());
    if (r.type().equals("PULL_REQUEST")) {
      Map<String, Object> p =
          obj(
              "PullRequestParameters",
              "requiredApprovingReviewCount",
              r.requiredApprovingReviewCount());
      p.put("dismissStaleReviewsOnPush", true);
      p.put("requireCodeOwnerReview", false);
      p.put("requireLastPushApproval", false);
      p.put("requiredReviewThreadResolution", false);
      p.put("allowedMergeMethods", List.of("MERGE", "SQUASH"));
      m.put("parameters", p);
    } else if (r.type().equals("REQUIRED_STATUS_CHECKS")) {
      Map<String, Object> p =
          obj("RequiredStatusChecksParameters", "strictRequiredStatusChecksPolicy", true);
      p.put("doNotEnforceOnCreate", false);
      p.put(
          "requiredStatusChecks",
          r.checks().stream()
              .map(c -> (Object) obj("StatusCheckConfiguration", "context", c))
              .toList());
      m.put("parameters", p);
    }
    return m;
  }

  private static Object bypass(SimBypass b) {
    Map<String, Object> m =
        obj(
            "RepositoryRulesetBypassActor",
            "id",
            "BA_" + b.kind() + b.slug(),
            "bypassMode",
            b.mode());
    m.put("organizationAdmin", b.kind().equals("OrganizationAdmin"));
    m.put("deployKey", false);
    m.put("enterpriseOwner", false);
    m.put(
        "actor",
        switch (b.kind()) {
          case "Team" -> team(b.slug());
          case "App" -> obj("App", "id", "A_" + b.slug(), "slug", b.slug(), "name", b.slug());
          default -> null;
        });
    return m;
  }

  private static Map<String, Object> team(String slug) {
    Map<String, Object> t = obj("Team", "id", "T_" + slug, "slug", slug);
    t.put("name", slug);
    t.put("combinedSlug", "acme/" + slug);
    return t;
  }

  static Map<String, Object> obj(String type, Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(SimWiring.TYPENAME, type);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString());
  }

  static String sha1(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
