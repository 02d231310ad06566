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
