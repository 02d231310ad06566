package dev.shipcheck.simulators.github;

import com.sun.net.httpserver.Headers;
import dev.shipcheck.simulators.github.GitHubSimulator.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST endpoints Shipcheck uses: repository, file contents (with ETags: a matching {@code
 * If-None-Match} gets 304, which costs nothing) and the rate-limit status.
 */
final class SimRest {
  private static final Pattern REPO = Pattern.compile("^/repos/([^/]+)/([^/]+)$");
  private static final Pattern CONTENTS = Pattern.compile("^/repos/([^/]+)/([^/]+)/contents/(.+)$");
  private static final Pattern ACTIVITY = Pattern.compile("^/repos/([^/]+)/([^/]+)/activity$");
  private static final Map<String, java.time.Duration> PERIODS =
      Map.of(
          "day", java.time.Duration.ofDays(1),
          "week", java.time.Duration.ofDays(7),
          "month", java.time.Duration.ofDays(30),
          "quarter", java.time.Duration.ofDays(90),
          "year", java.time.Duration.ofDays(365));

  private final SimOrg org;
  private final RateLimits limits;

  SimRest(SimOrg org, RateLimits limits) {
    this.org = org;
    this.limits = limits;
  }

  Reply handle(String method, String path, String rawQuery, Headers headers) {
    if (!method.equals("GET")) {
      return notFound();
    }
    if (path.equals("/rate_limit")) {
      return rateLimit();
    }
    if (path.equals("/user")) {
      return Reply.json(200, Map.of("login", "shipcheck-bot", "id", 1, "type", "User"));
    }
    if (!limits.chargeRest()) {
      return Reply.json(403, Map.of("message", "API rate limit exceeded for user ID 1."));
    }
    Matcher a = ACTIVITY.matcher(path);
    if (a.matches()) {
      return activity(a.group(1), a.group(2), rawQuery, headers);
    }
    Matcher m = CONTENTS.matcher(path);
    if (m.matches()) {
      return contents(m.group(1), m.group(2), decode(m.group(3)), query(rawQuery, "ref"), headers);
    }
    m = REPO.matcher(path);
    if (m.matches()) {
      return repo(m.group(1), m.group(2)).map(this::repoJson).orElseGet(SimRest::notFound);
    }
    return notFound();
  }

  private Optional<SimRepo> repo(String owner, String name) {
    return owner.equalsIgnoreCase(org.login()) ? org.repo(name) : Optional.empty();
  }

  private Reply repoJson(SimRepo r) {
    String full = org.login() + "/" + r.name();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", Math.abs((long) full.hashCode()));
    m.put("node_id", "R_" + r.name());
    m.put("name", r.name());
    m.put("full_name", full);
    m.put("private", !r.visibility().equals("PUBLIC"));
    m.put("visibility", r.visibility().toLowerCase(java.util.Locale.ROOT));
    m.put("archived", r.archived());
    m.put("fork", r.fork());
    m.put("default_branch", r.defaultBranch());
    m.put("owner", Map.of("login", org.login(), "type", "Organization"));
    m.put("url", "/repos/" + full);
    m.put("html_url", "https://github.com/" + full);
    return Reply.json(200, m);
  }

  private Reply contents(String owner, String name, String path, String ref, Headers headers) {
    Optional<SimRepo> repo = repo(owner, name);
    if (repo.isEmpty()) {
      return notFound();
    }
    String branch = ref == null || ref.isEmpty() ? repo.get().defaultBranch() : ref;
    Map<String, String> tree = repo.get().tree(branch);
    if (tree == null) {
      return Reply.json(404, Map.of("message", "No commit found for the ref " + branch));
    }
    String text = tree.get(path);
    if (text == null) {
      return notFound();
    }
    String etag = "\"" + SimData.sha1(branch + ":" + path + ":" + text) + "\"";
    if (etag.equals(headers.getFirst("If-None-Match"))) {
      return new Reply(304, new LinkedHashMap<>(Map.of("ETag", etag)), new byte[0], 0);
    }
    String accept = headers.getFirst("Accept");
    if (accept != null && accept.contains("raw")) {
      return Reply.raw(200, "application/vnd.github.raw", text).header("ETag", etag);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "file");
    m.put("name", path.substring(path.lastIndexOf('/') + 1));
    m.put("path", path);
    m.put("sha", SimData.sha1(text));
    m.put("size", bytes.length);
    boolean large = bytes.length > 1024 * 1024;
    m.put("encoding", large ? "none" : "base64");
    m.put("content", large ? "" : Base64.getMimeEncoder().encodeToString(bytes));
    m.put("url", "/repos/" + org.login() + "/" + name + "/contents/" + path + "?ref=" + branch);
    m.put("download_url", null);
    return Reply.json(200, m).header("ETag", etag);
  }

  /**
   * {@code GET /repos/{o}/{r}/activity}: newest first (or oldest with {@code direction=asc}),
   * filtered by {@code ref} ({@code refs/heads/X} or {@code X}), {@code activity_type}, {@code
   * actor} and {@code time_period} (up to now), {@code per_page} at most 100 (default 30), cursor
   * pagination through {@code after} and a {@code Link} header, and an ETag per page.
   */
  private Reply activity(String owner, String name, String rawQuery, Headers headers) {
    Optional<SimRepo> repo = repo(owner, name);
    if (repo.isEmpty()) {
      return notFound();
    }
    SimHistory history = org.history(repo.get().name());
    if (history.activityForbidden()) {
      return Reply.json(
          403,
          Map.of(
              "message",
              "Resource not accessible by personal access token",
              "documentation_url",
              "https://docs.github.com/rest/repos/repos#list-repository-activities"));
    }
    String ref = query(rawQuery, "ref");
    String type = query(rawQuery, "activity_type");
    String actor = query(rawQuery, "actor");
    String period = query(rawQuery, "time_period");
    if (period != null && !PERIODS.containsKey(period)) {
      return Reply.json(422, Map.of("message", "Invalid time_period: " + period));
    }
    int perPage;
    try {
      perPage =
          Math.min(100, Math.max(1, Integer.parseInt(orElse(query(rawQuery, "per_page"), "30"))));
    } catch (NumberFormatException e) {
      return Reply.json(422, Map.of("message", "per_page must be a number"));
    }
    java.time.Instant since =
        period == null
            ? java.time.Instant.EPOCH
            : java.time.Instant.now().minus(PERIODS.get(period));
    String wantedRef = ref == null ? null : ref.startsWith("refs/") ? ref : "refs/heads/" + ref;
    java.util.List<SimHistory.SimActivity> items =
        history.activity().stream()
            .filter(x -> wantedRef == null || wantedRef.equals(x.ref()))
            .filter(x -> type == null || type.equals(x.type()))
            .filter(x -> actor == null || actor.equalsIgnoreCase(x.actor().login()))
            .filter(x -> !x.at().isBefore(since))
            .sorted(java.util.Comparator.comparing(SimHistory.SimActivity::at).reversed())
            .toList();
    if ("asc".equals(query(rawQuery, "direction"))) {
      items = new java.util.ArrayList<>(items);
      java.util.Collections.reverse(items);
    }
    String after = query(rawQuery, "after");
    int from;
    try {
      from = after == null ? 0 : SimWiring.decode(after) + 1;
    } catch (IllegalArgumentException e) {
      return Reply.json(422, Map.of("message", "Invalid cursor"));
    }
    from = Math.min(from, items.size());
    int to = Math.min(items.size(), from + perPage);
    java.util.List<Object> page = new java.util.ArrayList<>();
    for (SimHistory.SimActivity x : items.subList(from, to)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", x.id());
      m.put("node_id", "RA_" + x.id());
      m.put("before", x.before());
      m.put("after", x.after());
      m.put("ref", x.ref());
      m.put("timestamp", x.at().toString());
      m.put("activity_type", x.type());
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("login", x.actor().bot() ? x.actor().login() + "[bot]" : x.actor().login());
      user.put("id", Math.abs((long) x.actor().login().hashCode()));
      user.put("type", x.actor().bot() ? "Bot" : "User");
      m.put("actor", user);
      page.add(m);
    }
    Reply reply = Reply.json(200, page);
    String etag = "W/\"" + SimData.sha1(new String(reply.body(), StandardCharsets.UTF_8)) + "\"";
    if (etag.equals(headers.getFirst("If-None-Match"))) {
      return new Reply(304, new LinkedHashMap<>(Map.of("ETag", etag)), new byte[0], 0);
    }
    reply = reply.header("ETag", etag);
    if (to < items.size()) {
      String base =
          "/repos/"
              + org.login()
              + "/"
              + repo.get().name()
              + "/activity?"
              + without(rawQuery, "after");
      reply =
          reply.header(
              "Link", "<" + base + "&after=" + SimWiring.encode(to - 1) + ">; rel=\"next\"");
    }
    return reply;
  }

  private static String orElse(String s, String fallback) {
    return s == null ? fallback : s;
  }

  private static String without(String raw, String name) {
    if (raw == null) {
      return "";
    }
    java.util.List<String> kept = new java.util.ArrayList<>();
    for (String pair : raw.split("&")) {
      if (!pair.startsWith(name + "=") && !pair.isEmpty()) {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }

  private Reply rateLimit() {
    Map<String, Object> resources = new LinkedHashMap<>();
    for (String r : new String[] {"core", "graphql"}) {
      resources.put(
          r,
          Map.of(
              "limit", limits.limit(r),
              "remaining", limits.remaining(r),
              "used", limits.used(r),
              "reset", limits.resetEpochSeconds()));
    }
    return Reply.json(200, Map.of("resources", resources, "rate", resources.get("core")));
  }

  private static Reply notFound() {
    return Reply.json(
        404, Map.of("message", "Not Found", "documentation_url", "https://docs.github.com/rest"));
  }

  private static String query(String raw, String name) {
    if (raw == null) {
      return null;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
