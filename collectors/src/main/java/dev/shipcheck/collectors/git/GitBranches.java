package dev.shipcheck.collectors.git;

import dev.shipcheck.facts.repo.Branches;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;

/**
 * Lists local branches and remote-tracking branches of {@code origin}, and says whether the clone
 * can see every branch: a single-branch clone (the default of {@code git clone --depth}) or a
 * remote never fetched cannot, so a branch it does not show may still exist.
 */
final class GitBranches {
  static final String FETCH_ALL = "git fetch origin '+refs/heads/*:refs/remotes/origin/*'";
  private static final String REMOTES = Constants.R_REMOTES + "origin/";

  private GitBranches() {}

  static Branches read(Repository repo) throws IOException {
    Map<String, Branches.Branch> byName = new LinkedHashMap<>();
    int remoteTracking = 0;
    for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
      String name = ref.getName().substring(Constants.R_HEADS.length());
      byName.putIfAbsent(name, new Branches.Branch(name, ref.getName()));
    }
    for (Ref ref : repo.getRefDatabase().getRefsByPrefix(REMOTES)) {
      String name = ref.getName().substring(REMOTES.length());
      if (name.equals(Constants.HEAD)) {
        continue;
      }
      remoteTracking++;
      byName.putIfAbsent(name, new Branches.Branch(name, ref.getName()));
    }
    List<Branches.Branch> branches = new ArrayList<>(byName.values());
    return new Branches(
        branches,
        incompleteReason(repo, remoteTracking).isEmpty(),
        incompleteReason(repo, remoteTracking));
  }

  private static String incompleteReason(Repository repo, int remoteTracking) throws IOException {
    String url = repo.getConfig().getString("remote", "origin", "url");
    boolean shallow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
    if (url == null) {
      // No remote: the local branches are all there is.
      return "";
    }
    String[] fetch = repo.getConfig().getStringList("remote", "origin", "fetch");
    boolean fetchesAll = false;
    List<String> specs = new ArrayList<>();
    for (String f : fetch) {
      specs.add(f);
      RefSpec spec = new RefSpec(f);
      if (spec.isWildcard() && spec.getSource().equals(Constants.R_HEADS + "*")) {
        fetchesAll = true;
      }
    }
    String kind = shallow ? "a shallow, single-branch clone" : "a single-branch clone";
    if (!fetchesAll) {
      return "this is "
          + kind
          + " (remote.origin.fetch = "
          + (specs.isEmpty() ? "none" : String.join(", ", specs))
          + "), so other branches of origin are not visible; fetch them with: "
          + FETCH_ALL;
    }
    if (remoteTracking == 0) {
      return "no branches of origin have been fetched into this clone; fetch them with: "
          + FETCH_ALL;
    }
    return "";
  }
}
