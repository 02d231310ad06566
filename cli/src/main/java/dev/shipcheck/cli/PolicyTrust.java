package dev.shipcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.policy.PolicyLoader;
import dev.shipcheck.core.report.PolicyNote;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Whose policy file this is. A pre-merge scan runs on every pull request, forks included, with the
 * CI job's tokens in its environment, and everything in the repository under scan was written by
 * whoever opened the pull request. So a policy file inside the scanned repository's working tree
 * (its real path, symlinks resolved) is the repository's policy, not the operator's: what it says
 * about the rules applies, but not where the sources are ({@code sources:}, which would send the
 * tokens there) nor which code to run ({@code plugins:}). {@code --trust-policy} lifts that for a
 * file the operator vouches for; a policy outside the repository (the nightly job's central one, or
 * the base branch's copied out with {@code git show}) is trusted as it is.
 */
final class PolicyTrust {
  static final String FLAG = "trust-policy";

  /** The keys an untrusted policy may not set, as JSON pointers. */
  private static final List<String> WITHHELD = List.of("/sources", "/plugins");

  private PolicyTrust() {}

  /** The policy to apply, and the note saying what of it was not applied (if anything). */
  record Decision(LoadedPolicy policy, Optional<PolicyNote> note) {}

  /**
   * @param workTree the scanned repository's working tree, in a scan of a repository
   * @param trusted whether the operator passed {@code --trust-policy}
   */
  static Decision decide(LoadedPolicy policy, Optional<Path> workTree, boolean trusted) {
    if (trusted
        || policy.isBuiltIn()
        || workTree.isEmpty()
        || !inside(Path.of(policy.source()), workTree.get())) {
      return new Decision(policy, Optional.empty());
    }
    List<String> ignored = ignoredKeys(policy.written());
    if (ignored.isEmpty()) {
      return new Decision(policy, Optional.empty());
    }
    String message =
        policy.source()
            + " is inside the scanned repository and not trusted: ignored "
            + String.join(", ", ignored)
            + " (pass --"
            + FLAG
            + " if this file is the operator's)";
    return new Decision(
        PolicyLoader.without(policy, WITHHELD),
        Optional.of(new PolicyNote(PolicyNote.Kind.UNTRUSTED, policy.source(), ignored, message)));
  }

  /** Whether {@code file}'s real path lies inside {@code tree}'s. */
  static boolean inside(Path file, Path tree) {
    return real(file).startsWith(real(tree));
  }

  /** The real path (symlinks resolved), or the normalised absolute one if it has none. */
  static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** Each key the file itself sets under {@code sources:}, by its dotted name; then plugins. */
  private static List<String> ignoredKeys(JsonNode written) {
    List<String> keys = new ArrayList<>();
    leaves("sources", written.path("sources"), keys);
    JsonNode plugins = written.path("plugins");
    if (plugins.isArray() && !plugins.isEmpty()) {
      keys.add("plugins");
    }
    return keys;
  }

  private static void leaves(String name, JsonNode node, List<String> out) {
    if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        leaves(name + "." + key, node.get(key), out);
      }
    } else if (!node.isMissingNode() && !node.isNull()) {
      out.add(name);
    }
  }
}
