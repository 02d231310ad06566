package dev.shipcheck.collectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything learnt about one repository across the details query and its follow-ups, and what is
 * still to ask. Not thread-safe: one repository is handled by one worker at a time.
 */
final class RepoState {
  static final String HEAD = "HEAD";

  final String name;
  JsonNode meta = NullNode.getInstance();
  Optional<String> failure = Optional.empty();
  final List<String> branches = new ArrayList<>();
  boolean branchesComplete;

  /** Directory listings by {@code rev:dir}; a null value means the directory does not exist. */
  final Map<String, Map<String, String>> listings = new LinkedHashMap<>();

  /** Blobs by {@code rev:path}; a NullNode means no such file. */
  final Map<String, JsonNode> blobs = new LinkedHashMap<>();

  final Set<String> asked = new LinkedHashSet<>();
  final List<JsonNode> classic = new ArrayList<>();
  final List<JsonNode> rulesets = new ArrayList<>();
  boolean protectionRead;
  boolean protectionTruncated;
  Optional<String> protectionProblem = Optional.empty();
  Optional<String> planLimitation = Optional.empty();
  final List<FollowUp> pending = new ArrayList<>();

  RepoState(String name) {
    this.name = name;
  }

  Optional<String> defaultBranch() {
    return Optional.ofNullable(meta.at("/defaultBranchRef/name").textValue());
  }

  /** Drops what was read once the facts are built, so a large organisation is not held twice. */
  void release() {
    meta = NullNode.getInstance();
    branches.clear();
    listings.clear();
    blobs.clear();
    asked.clear();
    classic.clear();
    rulesets.clear();
  }

  /** The production branch as spelled in the repository, if one of the accepted names exists. */
  Optional<String> productionBranch(List<String> accepted) {
    for (String a : accepted) {
      for (String b : branches) {
        if (b.equalsIgnoreCase(a)) {
          return Optional.of(b);
        }
      }
    }
    return Optional.empty();
  }

  static String key(String rev, String path) {
    return rev + ":" + path;
  }

  void putListing(String rev, String dir, JsonNode tree) {
    asked.add("T" + key(rev, dir));
    if (tree == null || tree.isNull() || !tree.has("entries")) {
      listings.put(key(rev, dir), null);
      return;
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (JsonNode e : tree.path("entries")) {
      entries.put(e.path("name").asText(), e.path("type").asText("blob"));
    }
    listings.put(key(rev, dir), entries);
  }

  void putBlob(String rev, String path, JsonNode blob) {
    asked.add("B" + key(rev, path));
    blobs.put(key(rev, path), blob == null || blob.isNull() ? NullNode.getInstance() : blob);
  }

  /** The entry of {@code dir} on {@code rev} matching {@code name} case-insensitively. */
  Optional<String> entry(String rev, String dir, String name) {
    Map<String, String> l = listings.get(key(rev, dir));
    if (l == null) {
      return Optional.empty();
    }
    String want = name.toLowerCase(Locale.ROOT);
    return l.entrySet().stream()
        .filter(
            e -> e.getValue().equals("blob") && e.getKey().toLowerCase(Locale.ROOT).equals(want))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  boolean listed(String rev, String dir) {
    return listings.containsKey(key(rev, dir));
  }
}
