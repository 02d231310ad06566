package dev.shipcheck.collectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A further question about one repository after the details query: the next page of branches, the
 * protection lists in full, a file or directory under its real spelling.
 *
 * @param selection the GraphQL selection with {@code %s} where its alias goes
 * @param fragments the named fragments it spreads ({@code T}, {@code B}, {@code C}, {@code S},
 *     {@code A})
 * @param points connection requests it adds, for the cost estimate
 * @param accept called with the answer (may be null) and the errors under its alias
 */
record FollowUp(
    String selection,
    Set<String> fragments,
    int points,
    BiConsumer<JsonNode, List<JsonNode>> accept) {

  static FollowUp object(
      String rev, String path, boolean tree, BiConsumer<JsonNode, List<JsonNode>> accept) {
    return new FollowUp(
        "%s: object(expression: "
            + RepoQueries.literal(rev + ":" + path)
            + ") { ..."
            + (tree ? "T" : "B")
            + " }",
        Set.of(tree ? "T" : "B"),
        0,
        accept);
  }
}
