package dev.shipcheck.collectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipcheck.collectors.github.RepoQueries.Layout;
import dev.shipcheck.collectors.github.RepoQueries.Parts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks GitHub about one batch of repositories: the details query, then rounds of follow-up queries
 * until nothing is left to ask. A batch whose query keeps failing is split in halves, so one
 * repository GitHub cannot answer for costs only itself; a fatal problem (bad token, a rate-limit
 * wait beyond the limit) stops every batch with that reason.
 */
final class BatchRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_ROUNDS = 8;

  private final GraphQlClient client;
  private final RepoReader reader;
  private final Layout layout;
  private final List<String> productionNames;
  private final Parts parts;
  private final AtomicReference<String> fatal;

  BatchRunner(
      GraphQlClient client,
      Layout layout,
      List<String> productionNames,
      Parts parts,
      AtomicReference<String> fatal) {
    this.client = client;
    this.layout = layout;
    this.productionNames = productionNames;
    this.parts = parts;
    this.fatal = fatal;
    this.reader = new RepoReader(layout, productionNames, parts);
  }

  RepoReader reader() {
    return reader;
  }

  /**
   * Whether the repository needs no further questions, after planning the file reads its branch
   * list and directory listings call for.
   */
  boolean settled(RepoState s) {
    if (s.pending.isEmpty() && s.failure.isEmpty()) {
      reader.planFiles(s);
    }
    return s.pending.isEmpty();
  }

  /** Ends the questions of a repository that still has some after the last round. */
  static void giveUp(RepoState s) {
    List<FollowUp> left = new ArrayList<>(s.pending);
    s.pending.clear();
    left.forEach(
        f -> f.accept().accept(null, List.of(error("gave up after " + MAX_ROUNDS + " rounds"))));
  }

  void details(List<RepoState> states) {
    if (fatal.get() != null) {
      states.forEach(s -> s.failure = Optional.of(fatal.get()));
      return;
    }
    String query = RepoQueries.batch(names(states), parts, layout, productionNames);
    JsonNode json;
    try {
      json = client.query(query, Map.of(), RepoQueries.estimatedPoints(states.size(), parts));
    } catch (GitHubException e) {
      failOrSplit(states, e, this::details);
      return;
    }
    JsonNode data = json.path("data");
    if (!data.isObject()) {
      String why = "GitHub refused the query: " + RepoReader.messages(list(json.path("errors")));
      states.forEach(s -> s.failure = Optional.of(why));
      return;
    }
    List<JsonNode> errors = list(json.path("errors"));
    for (int i = 0; i < states.size(); i++) {
      reader.absorb(states.get(i), data.get("r" + i), under(errors, "r" + i));
    }
  }

  private void failOrSplit(
      List<RepoState> states,
      GitHubException e,
      java.util.function.Consumer<List<RepoState>> retry) {
    if (e.fatal()) {
      fatal.compareAndSet(null, e.getMessage());
    }
    if (!e.fatal() && states.size() > 1) {
      int half = states.size() / 2;
      retry.accept(new ArrayList<>(states.subList(0, half)));
      retry.accept(new ArrayList<>(states.subList(half, states.size())));
      return;
    }
    states.forEach(s -> s.failure = Optional.of(e.getMessage()));
  }

  /** One follow-up query for the pending questions of {@code chunk}. */
  void ask(List<RepoState> chunk) {
    List<List<FollowUp>> asked = new ArrayList<>();
    Set<String> fragments = new LinkedHashSet<>();
    StringBuilder q = new StringBuilder("query { rateLimit { cost remaining resetAt }");
    long requests = 0;
    for (int i = 0; i < chunk.size(); i++) {
      RepoState s = chunk.get(i);
      List<FollowUp> mine = new ArrayList<>(s.pending);
      s.pending.clear();
      asked.add(mine);
      q.append(' ').append(RepoQueries.repoField(i, s.name)).append(" {");
      for (int j = 0; j < mine.size(); j++) {
        q.append(' ').append(String.format(mine.get(j).selection(), "x" + j));
        fragments.addAll(mine.get(j).fragments());
        requests += mine.get(j).points();
      }
      q.append(" }");
    }
    q.append(" }");
    fragments.forEach(f -> q.append(' ').append(fragment(f)));
    JsonNode json;
    try {
      if (fatal.get() != null) {
        throw new GitHubException(fatal.get(), true);
      }
      json = client.query(q.toString(), Map.of(), Math.max(1, Math.round(requests / 100.0)));
    } catch (GitHubException e) {
      if (e.fatal()) {
        fatal.compareAndSet(null, e.getMessage());
      }
      List<JsonNode> err = List.of(error(e.getMessage()));
      asked.forEach(list -> list.forEach(f -> f.accept().accept(null, err)));
      return;
    }
    JsonNode data = json.path("data");
    List<JsonNode> errors = list(json.path("errors"));
    for (int i = 0; i < chunk.size(); i++) {
      JsonNode node = data.path("r" + i);
      List<JsonNode> repoErrors = under(errors, "r" + i);
      for (int j = 0; j < asked.get(i).size(); j++) {
        String alias = "x" + j;
        JsonNode value = node.isObject() ? node.get(alias) : null;
        List<JsonNode> fieldErrors = RepoReader.errorsAt(repoErrors, alias);
        if (!node.isObject() && fieldErrors.isEmpty()) {
          fieldErrors =
              repoErrors.isEmpty() ? List.of(error("GitHub returned no data")) : repoErrors;
        }
        asked.get(i).get(j).accept().accept(value, fieldErrors);
      }
    }
  }

  private static String fragment(String name) {
    return switch (name) {
      case "T" -> RepoQueries.TREE;
      case "B" -> RepoQueries.BLOB;
      case "A" -> RepoQueries.ACTOR;
      case "C" -> RepoQueries.classic(RepoQueries.BIG);
      case "S" -> RepoQueries.ruleset(RepoQueries.BIG);
      default -> throw new IllegalArgumentException(name);
    };
  }

  static JsonNode error(String message) {
    ObjectNode e = JSON.createObjectNode();
    e.put("message", message);
    return e;
  }

  private static List<String> names(List<RepoState> states) {
    return states.stream().map(s -> s.name).toList();
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  /** The errors whose path starts with {@code alias}. */
  static List<JsonNode> under(List<JsonNode> errors, String alias) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : errors) {
      if (e.path("path").size() > 0 && e.path("path").get(0).asText().equals(alias)) {
        out.add(e);
      }
    }
    return out;
  }
}
