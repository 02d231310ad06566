package dev.shipcheck.collectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.collectors.github.RepoQueries.Layout;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.facts.github.BranchProtection;
import dev.shipcheck.facts.github.ClassicRule;
import dev.shipcheck.facts.github.GitHubRepository;
import dev.shipcheck.facts.github.Ruleset;
import dev.shipcheck.facts.repo.Branches;
import dev.shipcheck.facts.repo.FileContent;
import dev.shipcheck.facts.repo.RepoFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the facts of one repository from its {@link RepoState}. */
final class FactAssembler {
  static final String SOURCE = "github";

  private final Layout layout;
  private final RepoReader reader;

  FactAssembler(Layout layout, RepoReader reader) {
    this.layout = layout;
    this.reader = reader;
  }

  static GitHubRepository metadata(JsonNode meta, String fallbackName) {
    List<String> topics = new ArrayList<>();
    meta.at("/repositoryTopics/nodes").forEach(t -> topics.add(t.at("/topic/name").asText()));
    return new GitHubRepository(
        meta.path("nameWithOwner").asText(fallbackName),
        meta.path("isArchived").asBoolean(false),
        meta.path("isFork").asBoolean(false),
        Optional.ofNullable(meta.at("/defaultBranchRef/name").textValue()),
        topics,
        meta.path("visibility").asText("PRIVATE"));
  }

  FactValue<Branches> branches(RepoState s) {
    if (s.failure.isPresent()) {
      return FactValue.unavailable(SOURCE, s.failure.get());
    }
    List<Branches.Branch> list = new ArrayList<>();
    for (String b : s.branches) {
      list.add(new Branches.Branch(b, "refs/heads/" + b));
    }
    return FactValue.present(
        SOURCE,
        new Branches(
            list,
            s.branchesComplete,
            s.branchesComplete ? "" : "GitHub did not list every branch of " + s.name));
  }

  FactValue<BranchProtection> protection(RepoState s) {
    if (s.failure.isPresent()) {
      return FactValue.unavailable(SOURCE, s.failure.get());
    }
    if (s.planLimitation.isPresent()) {
      return FactValue.present(
          SOURCE,
          new BranchProtection(s.name, s.defaultBranch(), s.planLimitation, List.of(), List.of()));
    }
    if (s.protectionProblem.isPresent()) {
      return FactValue.unavailable(SOURCE, s.protectionProblem.get());
    }
    if (!s.protectionRead) {
      return FactValue.unavailable(
          SOURCE, "GitHub did not return the protection settings of " + s.name);
    }
    if (s.protectionTruncated) {
      return FactValue.unavailable(
          SOURCE,
          s.name
              + " has more than "
              + RepoQueries.BIG
              + " classic rules, rulesets, ruleset rules or bypass actors; Shipcheck reads at most "
              + RepoQueries.BIG
              + " of each");
    }
    List<ClassicRule> classic = s.classic.stream().map(ProtectionReader::classic).toList();
    List<Ruleset> rulesets = s.rulesets.stream().map(ProtectionReader::ruleset).toList();
    return FactValue.present(
        SOURCE,
        new BranchProtection(s.name, s.defaultBranch(), Optional.empty(), classic, rulesets));
  }

  /**
   * The files: the listed directories on the default branch, except the CircleCI directory, which
   * comes from the production branch when that branch has the config.
   *
   * @param rest texts fetched over REST for blobs GraphQL cut off, by {@code rev:path}
   */
  FactValue<RepoFiles> files(RepoState s, Map<String, FileContent> rest) {
    if (s.failure.isPresent()) {
      return FactValue.unavailable(SOURCE, s.failure.get());
    }
    String defaultName = s.defaultBranch().orElse("HEAD");
    Optional<String> prod = reader.productionRev(s);
    Set<String> listed = new LinkedHashSet<>();
    List<String> paths = new ArrayList<>();
    Map<String, FileContent> contents = new LinkedHashMap<>();
    for (String dir : layout.directories()) {
      String rev = revFor(dir, prod);
      if (!s.listed(rev, dir)) {
        continue;
      }
      listed.add(dir);
      Map<String, String> entries = s.listings.get(RepoState.key(rev, dir));
      if (entries != null) {
        entries.forEach(
            (name, type) -> {
              if (type.equals("blob")) {
                paths.add(RepoReader.join(dir, name));
              }
            });
      }
    }
    for (String file : layout.files()) {
      String dir = RepoReader.parent(file);
      String rev = revFor(dir, prod);
      Optional<String> actual = s.entry(rev, dir, RepoReader.base(file));
      if (actual.isEmpty()) {
        continue;
      }
      String path = RepoReader.join(dir, actual.get());
      String label = rev.equals(RepoState.HEAD) ? defaultName : rev;
      JsonNode blob = s.blobs.get(RepoState.key(rev, path));
      contents.put(path, content(path, label, blob, rest.get(RepoState.key(rev, path))));
    }
    for (String path : paths) {
      String rev = revFor(RepoReader.parent(path), prod);
      JsonNode blob = s.blobs.get(RepoState.key(rev, path));
      if (blob != null && !contents.containsKey(path) && layout.globbed(path)) {
        String label = rev.equals(RepoState.HEAD) ? defaultName : rev;
        contents.put(path, content(path, label, blob, rest.get(RepoState.key(rev, path))));
      }
    }
    return FactValue.present(SOURCE, new RepoFiles(defaultName, false, listed, paths, contents));
  }

  private String revFor(String dir, Optional<String> prod) {
    return prod.isPresent() && layout.productionDirectories().contains(dir)
        ? prod.get()
        : RepoState.HEAD;
  }

  static FileContent content(String path, String ref, JsonNode blob, FileContent rest) {
    if (blob == null || blob.isNull()) {
      return FileContent.unreadable(
          path, ref, "GitHub listed the file but did not return its content");
    }
    long size = blob.path("byteSize").asLong(-1);
    if (blob.path("isBinary").asBoolean(false)) {
      return FileContent.binary(path, ref, size);
    }
    if (size > FileContent.MAX_TEXT_BYTES) {
      return FileContent.tooLarge(path, ref, size);
    }
    if (blob.path("isTruncated").asBoolean(false) || !blob.hasNonNull("text")) {
      return rest != null
          ? rest
          : FileContent.unreadable(
              path,
              ref,
              "GitHub's GraphQL API cut the text off and the REST API did not return it");
    }
    return FileContent.text(path, ref, blob.path("text").asText(), size);
  }

  /**
   * The blobs the facts use that GraphQL cut off and that are small enough to read as text, by
   * {@code rev:path}, with the ref name to read them at.
   */
  Map<String, String> truncated(RepoState s) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<String> prod = reader.productionRev(s);
    Set<String> used = new LinkedHashSet<>();
    for (String file : layout.files()) {
      String dir = RepoReader.parent(file);
      String rev = revFor(dir, prod);
      s.entry(rev, dir, RepoReader.base(file))
          .ifPresent(actual -> used.add(RepoState.key(rev, RepoReader.join(dir, actual))));
    }
    for (String dir : layout.directories()) {
      String rev = revFor(dir, prod);
      Map<String, String> entries = s.listings.get(RepoState.key(rev, dir));
      if (entries != null && !layout.globsIn(dir).isEmpty()) {
        entries.forEach(
            (name, type) -> {
              String path = RepoReader.join(dir, name);
              if (type.equals("blob") && layout.globbed(path)) {
                used.add(RepoState.key(rev, path));
              }
            });
      }
    }
    for (String key : used) {
      String rev = key.substring(0, key.indexOf(':'));
      JsonNode blob = s.blobs.get(key);
      if (blob != null
          && blob.path("isTruncated").asBoolean(false)
          && !blob.path("isBinary").asBoolean(false)
          && blob.path("byteSize").asLong() <= FileContent.MAX_TEXT_BYTES) {
        out.put(key, rev.equals(RepoState.HEAD) ? s.defaultBranch().orElse("HEAD") : rev);
      }
    }
    return out;
  }
}
