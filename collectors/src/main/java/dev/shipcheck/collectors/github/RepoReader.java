package dev.shipcheck.collectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.collectors.github.RepoQueries.Layout;
import dev.shipcheck.collectors.github.RepoQueries.Parts;
import dev.shipcheck.core.collect.FileWants;
import dev.shipcheck.facts.circleci.CircleCiConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a repository's part of a GraphQL answer into its {@link RepoState}, handling GitHub's
 * per-field errors (a missing permission on the protection settings, a plan limit, a repository
 * that is gone) for that repository alone, and plans the follow-up questions still needed.
 */
final class RepoReader {
  static final String CONFIG = "config.yml";

  private final Layout layout;
  private final List<String> productionNames;
  private final Parts parts;

  RepoReader(Layout layout, List<String> productionNames, Parts parts) {
    this.layout = layout;
    this.productionNames = List.copyOf(productionNames);
    this.parts = parts;
  }

  /** Absorbs {@code node} (the repository's object, may be null) and the errors under it. */
  void absorb(RepoState s, JsonNode node, List<JsonNode> errors) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      s.failure = Optional.of(whyMissing(s.name, errors));
      return;
    }
    s.meta = node;
    if (parts.branches()) {
      absorbRefs(s, node.path("refs"), errorsAt(errors, "refs"));
    }
    if (parts.files()) {
      absorbFiles(s, node, errors);
    }
    if (parts.protection()) {
      absorbProtection(s, node, errors);
    }
  }

  static String whyMissing(String repo, List<JsonNode> errors) {
    for (JsonNode e : errors) {
      if (e.path("type").asText().equals("NOT_FOUND")) {
        return "GitHub has no repository " + repo + " visible to the token (NOT_FOUND)";
      }
    }
    return errors.isEmpty()
        ? "GitHub returned no data for " + repo
        : "GitHub could not read " + repo + ": " + messages(errors);
  }

  void absorbRefs(RepoState s, JsonNode refs, List<JsonNode> errors) {
    if (!errors.isEmpty() || !refs.isObject()) {
      s.branchesComplete = false;
      return;
    }
    refs.path("nodes").forEach(n -> s.branches.add(n.path("name").asText()));
    if (refs.at("/pageInfo/hasNextPage").asBoolean(false)) {
      String cursor = refs.at("/pageInfo/endCursor").asText();
      s.pending.add(
          new FollowUp(
              "%s: refs(refPrefix: \"refs/heads/\", first: 100, after: "
                  + RepoQueries.literal(cursor)
                  + ") { pageInfo { hasNextPage endCursor } nodes { name } }",
              Set.of(),
              1,
              (n, e) ->
                  absorbRefs(
                      s,
                      n == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : n,
                      e)));
    } else {
      s.branchesComplete = true;
    }
  }

  private void absorbFiles(RepoState s, JsonNode node, List<JsonNode> errors) {
    List<String> dirs = layout.directories();
    for (int d = 0; d < dirs.size(); d++) {
      if (errorsAt(errors, "hd" + d).isEmpty()) {
        s.putListing(RepoState.HEAD, dirs.get(d), node.get("hd" + d));
      }
    }
    for (int f = 0; f < layout.files().size(); f++) {
      if (errorsAt(errors, "hf" + f).isEmpty()) {
        s.putBlob(RepoState.HEAD, layout.files().get(f), node.get("hf" + f));
      }
    }
    for (int p = 0; p < productionNames.size(); p++) {
      String rev = productionNames.get(p);
      for (String dir : layout.productionDirectories()) {
        String alias = "p" + p + "d" + dirs.indexOf(dir);
        if (errorsAt(errors, alias).isEmpty()) {
          s.putListing(rev, dir, node.get(alias));
        }
      }
      for (String file : layout.productionFirst()) {
        String alias = "p" + p + "f" + layout.files().indexOf(file);
        if (errorsAt(errors, alias).isEmpty()) {
          s.putBlob(rev, file, node.get(alias));
        }
      }
    }
  }

  private void absorbProtection(RepoState s, JsonNode node, List<JsonNode> errors) {
    List<JsonNode> problems = new ArrayList<>(errorsAt(errors, "rulesets"));
    problems.addAll(errorsAt(errors, "branchProtectionRules"));
    for (JsonNode e : problems) {
      String message = e.path("message").asText();
      if (message.contains("Upgrade to GitHub Pro")
          || message.contains("make this repository public")) {
        s.planLimitation = Optional.of(message);
        return;
      }
    }
    if (!problems.isEmpty()) {
      s.protectionProblem =
          Optional.of(
              "the token cannot read the branch protection settings of "
                  + s.name
                  + " (GitHub: "
                  + messages(problems)
                  + "); it needs the Administration: read repository permission (fine-grained"
                  + " token or GitHub App) or admin rights on the repository (classic token)");
      return;
    }
    if (!node.path("viewerCanAdminister").asBoolean(false)) {
      s.protectionProblem =
          Optional.of(
              "the token's user is not an administrator of "
                  + s.name
                  + ", and GitHub shows classic branch protection rules and rulesets only to"
                  + " administrators; use a token with the Administration: read permission");
      return;
    }
    absorbProtectionLists(s, node.path("branchProtectionRules"), node.path("rulesets"), false);
  }

  /** Reads the two protection lists; when a page is cut off asks once more with bigger pages. */
  void absorbProtectionLists(RepoState s, JsonNode classic, JsonNode rulesets, boolean big) {
    boolean more =
        classic.at("/pageInfo/hasNextPage").asBoolean(false)
            || rulesets.at("/pageInfo/hasNextPage").asBoolean(false);
    for (JsonNode c : classic.path("nodes")) {
      more |=
          c.at("/bypassPullRequestAllowances/pageInfo/hasNextPage").asBoolean(false)
              || c.at("/bypassForcePushAllowances/pageInfo/hasNextPage").asBoolean(false);
    }
    for (JsonNode r : rulesets.path("nodes")) {
      more |=
          r.at("/rules/pageInfo/hasNextPage").asBoolean(false)
              || r.at("/bypassActors/pageInfo/hasNextPage").asBoolean(false);
    }
    if (more && !big) {
      s.pending.add(protectionFollowUp(s));
      return;
    }
    s.protectionTruncated = more;
    s.classic.clear();
    s.rulesets.clear();
    classic.path("nodes").forEach(s.classic::add);
    rulesets.path("nodes").forEach(s.rulesets::add);
    s.protectionRead = true;
  }

  private FollowUp protectionFollowUp(RepoState s) {
    int n = RepoQueries.BIG;
    JsonNode[] classic = new JsonNode[1];
    return new FollowUp(
        "%s: branchProtectionRules(first: " + n + ") { pageInfo { hasNextPage } nodes { ...C } }",
        Set.of("C", "A"),
        1 + 2 * n,
        (c, errors) -> {
          classic[0] = c;
          if (!errors.isEmpty() || c == null) {
            s.protectionProblem =
                Optional.of(
                    "GitHub could not list the classic rules of "
                        + s.name
                        + ": "
                        + messages(errors));
            return;
          }
          s.pending.add(
              new FollowUp(
                  "%s: rulesets(first: "
                      + n
                      + ", includeParents: true) { pageInfo { hasNextPage } nodes { ...S } }",
                  Set.of("S"),
                  1 + 2 * n,
                  (r, e2) -> {
                    if (!e2.isEmpty() || r == null) {
                      s.protectionProblem =
                          Optional.of(
                              "GitHub could not list the rulesets of "
                                  + s.name
                                  + ": "
                                  + messages(e2));
                      return;
                    }
                    absorbProtectionLists(s, classic[0], r, true);
                  }));
        });
  }

  /**
   * Plans the files still to read once the branch list is complete: the production branch's
   * CircleCI directory when it is spelled differently from every accepted name, and files whose
   * spelling differs from the policy's (names are matched case-insensitively).
   */
  void planFiles(RepoState s) {
    if (!parts.files() || s.failure.isPresent() || !s.pending.isEmpty()) {
      return;
    }
    Optional<String> prod = s.productionBranch(productionNames);
    if (prod.isPresent()) {
      for (String dir : layout.productionDirectories()) {
        ask(s, prod.get(), dir, true);
      }
    }
    String prodRev = productionRev(s).orElse(RepoState.HEAD);
    for (String file : layout.files()) {
      String rev = layout.productionFirst().contains(file) ? prodRev : RepoState.HEAD;
      String dir = parent(file);
      s.entry(rev, dir, base(file)).ifPresent(actual -> ask(s, rev, join(dir, actual), false));
    }
    int budget = FileWants.MAX_GLOB_FILES;
    for (String dir : layout.directories()) {
      if (layout.globsIn(dir).isEmpty()) {
        continue;
      }
      String rev = layout.productionDirectories().contains(dir) ? prodRev : RepoState.HEAD;
      Map<String, String> entries = s.listings.get(RepoState.key(rev, dir));
      if (entries == null) {
        continue;
      }
      for (Map.Entry<String, String> e : entries.entrySet()) {
        String path = join(dir, e.getKey());
        if (e.getValue().equals("blob") && layout.globbed(path) && budget-- > 0) {
          ask(s, rev, path, false);
        }
      }
    }
  }

  private static void ask(RepoState s, String rev, String path, boolean tree) {
    String key = (tree ? "T" : "B") + RepoState.key(rev, path);
    if (s.asked.add(key)) {
      s.pending.add(
          FollowUp.object(
              rev,
              path,
              tree,
              (n, e) -> {
                if (e.isEmpty()) {
                  if (tree) {
                    s.putListing(rev, path, n);
                  } else {
                    s.putBlob(rev, path, n);
                  }
                }
              }));
    }
  }

  /** The production branch, when it has the CircleCI config (which is then read from it). */
  Optional<String> productionRev(RepoState s) {
    Optional<String> prod = s.productionBranch(productionNames);
    String configDir = parent(CircleCiConfig.PATH);
    return prod.filter(p -> s.entry(p, configDir, CONFIG).isPresent());
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  static String base(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  /** Errors whose path is {@code [alias, field, ...]}, for the alias the caller handles. */
  static List<JsonNode> errorsAt(List<JsonNode> errors, String field) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : errors) {
      JsonNode path = e.path("path");
      if (path.size() >= 2 && path.get(1).asText().equals(field)) {
        out.add(e);
      }
    }
    return out;
  }

  static String messages(List<JsonNode> errors) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : errors) {
      String type = e.path("type").asText("");
      out.add((type.isEmpty() ? "" : type + ": ") + e.path("message").asText());
    }
    return out.isEmpty() ? "no answer" : String.join("; ", out);
  }
}
