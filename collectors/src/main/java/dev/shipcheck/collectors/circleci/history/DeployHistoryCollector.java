package dev.shipcheck.collectors.circleci.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.collectors.http.PacedJsonClient;
import dev.shipcheck.core.collect.CollectionRequest;
import dev.shipcheck.core.collect.Collector;
import dev.shipcheck.core.collect.FactSink;
import dev.shipcheck.core.collect.Secret;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.FactValue;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.facts.circleci.CircleCiPolicy;
import dev.shipcheck.facts.evidence.AuditWindow;
import dev.shipcheck.facts.evidence.DeployAttempts;
import dev.shipcheck.facts.evidence.DeployHistory;
import dev.shipcheck.facts.evidence.DeployHistory.JobRun;
import dev.shipcheck.facts.evidence.DeployHistory.Person;
import dev.shipcheck.facts.evidence.DeployHistory.Pipeline;
import dev.shipcheck.facts.evidence.DeployHistory.WorkflowRun;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads each project's production pipelines of the audit period from CircleCI API v2 ({@code GET
 * /project/{slug}/pipeline?branch=}, newest first, until one older than the period; {@code
 * /pipeline/{id}/workflow}; {@code /workflow/{id}/job}; {@code /user/{id}} once per UUID per scan),
 * following {@code next_page_token} on every listing. 429 is retried after {@code Retry-After}
 * (bounded by {@link PacedJsonClient}). A page token answering 404 mid-list is a part not
 * available, never the end of the list; workflows answering 404 for a listed pipeline mean the plan
 * no longer keeps it (retention): coverage ends there and the fact says so.
 */
public final class DeployHistoryCollector implements Collector {
  public static final String SOURCE = "circleci";
  public static final String TOKEN_ENV = "CIRCLECI_TOKEN";
  private static final int MAX_PAGES = 1_000;

  private final URI baseUrl;
  private final Optional<Secret> token;
  private final Supplier<AuditWindow> window;
  private final Map<String, Person> users = new ConcurrentHashMap<>();

  /**
   * @param baseUrl CircleCI's URL, e.g. {@code https://circleci.com}
   * @param window the audit period; its supplier throws {@link IllegalArgumentException} for a
   *     malformed {@code --since}/{@code --until}
   */
  public DeployHistoryCollector(URI baseUrl, Optional<Secret> token, Supplier<AuditWindow> window) {
    String u = baseUrl.toString();
    this.baseUrl = URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    this.token = token;
    this.window = window;
  }

  @Override
  public String source() {
    return SOURCE;
  }

  @Override
  public Set<Class<? extends Fact>> provides() {
    return Set.of(DeployHistory.class);
  }

  @Override
  public void collect(CollectionRequest request, FactSink sink) throws InterruptedException {
    if (!request.wants(DeployHistory.class)) {
      return;
    }
    AuditWindow w;
    try {
      w = window.get();
    } catch (IllegalArgumentException e) {
      for (Project p : request.projects()) {
        sink.put(p, DeployHistory.class, FactValue.unavailable(SOURCE, e.getMessage()));
      }
      return;
    }
    if (token.isEmpty()) {
      for (Project p : request.projects()) {
        sink.put(
            p,
            DeployHistory.class,
            FactValue.unavailable(
                SOURCE,
                TOKEN_ENV
                    + " is not set, so the CircleCI pipeline history of "
                    + p.name()
                    + " cannot be read (a personal API token of a member who can see the project)"));
      }
      return;
    }
    PacedJsonClient client =
        new PacedJsonClient(SOURCE, request.metrics(), Duration.ZERO, 3, Duration.ofSeconds(1));
    Api api = new Api(client, Map.of("Circle-Token", token.get().reveal()));
    DeployAttempts judge = new DeployAttempts(request.policy().section(CircleCiPolicy.SECTION));
    List<String> branches =
        List.copyOf(new LinkedHashSet<>(request.policy().branches().production()));
    boolean rejected = false;
    for (Project p : request.projects()) {
      if (rejected) {
        sink.put(
            p,
            DeployHistory.class,
            FactValue.unavailable(SOURCE, "CircleCI rejected " + TOKEN_ENV + " (HTTP 401)"));
        continue;
      }
      try {
        sink.put(p, DeployHistory.class, read(api, p, w, branches, judge, request));
      } catch (ApiException e) {
        rejected = e.status == 401;
        sink.put(p, DeployHistory.class, FactValue.unavailable(SOURCE, e.getMessage()));
      } catch (IOException e) {
        sink.put(
            p,
            DeployHistory.class,
            FactValue.unavailable(SOURCE, "could not reach CircleCI at " + baseUrl + ": " + e));
      }
    }
  }

  private FactValue<DeployHistory> read(
      Api api,
      Project project,
      AuditWindow w,
      List<String> branches,
      DeployAttempts judge,
      CollectionRequest request)
      throws ApiException, IOException, InterruptedException {
    if (project.name().indexOf('/') <= 0) {
      return FactValue.unavailable(
          SOURCE,
          "cannot tell the CircleCI project of '"
              + project.name()
              + "': it is not named owner/repo (a local scan takes it from the origin remote)");
    }
    String slug = "gh/" + project.name();
    List<Pipeline> pipelines = new ArrayList<>();
    List<String> notAvailable = new ArrayList<>();
    Instant coveredFrom = w.from();
    Optional<Instant> oldest = Optional.empty();
    boolean retentionCut = false;
    for (String branch : branches) {
      boolean pastRetention = false;
      Listing listing = listPipelines(api, slug, branch, w);
      listing.problem.ifPresent(notAvailable::add);
      if (listing.coveredFrom.isAfter(coveredFrom)) {
        coveredFrom = listing.coveredFrom;
      }
      for (JsonNode item : listing.items) {
        Instant created = instant(item.path("created_at")).orElse(w.from());
        oldest = Optional.of(oldest.map(o -> o.isBefore(created) ? o : created).orElse(created));
        if (pastRetention) {
          continue;
        }
        String id = item.path("id").asText("");
        Reply workflows =
            api.list(
                uri("/api/v2/pipeline/" + enc(id) + "/workflow"),
                "workflows of pipeline #" + item.path("number").asLong() + " of " + slug);
        if (workflows.status == 404) {
          retentionCut = true;
          pastRetention = true;
          if (created.isAfter(coveredFrom)) {
            coveredFrom = created;
          }
          continue;
        }
        List<WorkflowRun> runs = new ArrayList<>();
        Optional<String> problem = workflows.problem;
        if (problem.isEmpty()) {
          runs = workflowRuns(api, workflows.items);
        } else {
          notAvailable.add(problem.get());
        }
        JsonNode trigger = item.path("trigger");
        pipelines.add(
            new Pipeline(
                id,
                item.path("number").asLong(),
                branch,
                trigger.path("type").asText(""),
                text(trigger.path("actor").path("login")),
                text(item.path("vcs").path("revision")),
                created,
                runs,
                problem));
      }
    }
    pipelines.sort(Comparator.comparing(Pipeline::createdAt).reversed());
    request.metrics().add("circleci.pipelines", pipelines.size());
    return FactValue.present(
        SOURCE,
        new DeployHistory(
            slug,
            w,
            branches,
            request.policy().section(CircleCiPolicy.SECTION).deployJobPattern(),
            pipelines,
            judge.of(pipelines),
            new DeployHistory.Coverage(oldest, retentionCut, coveredFrom, notAvailable)));
  }

  /** The pipelines of one branch inside the window, and how far the listing reached. */
  private record Listing(List<JsonNode> items, Instant coveredFrom, Optional<String> problem) {}

  private Listing listPipelines(Api api, String slug, String branch, AuditWindow w)
      throws ApiException, IOException, InterruptedException {
    URI first = uri("/api/v2/project/" + slugPath(slug) + "/pipeline?branch=" + enc(branch));
    List<JsonNode> items = new ArrayList<>();
    String pageToken = "";
    Set<String> seen = new java.util.HashSet<>();
    for (int page = 0; page < MAX_PAGES; page++) {
      URI u = pageToken.isEmpty() ? first : URI.create(first + "&page-token=" + enc(pageToken));
      PacedJsonClient.Reply reply = api.client.get(u, api.headers);
      if (reply.status() != 200) {
        if (page == 0) {
          throw ApiException.of(reply, "pipelines of " + slug + " on " + branch);
        }
        Instant reached =
            items.isEmpty()
                ? w.until()
                : instant(items.get(items.size() - 1).path("created_at")).orElse(w.until());
        return new Listing(
            items,
            reached,
            Optional.of(
                "the pipeline listing of "
                    + slug
                    + " on "
                    + branch
                    + " broke off at page "
                    + (page + 1)
                    + ": CircleCI answered HTTP "
                    + reply.status()
                    + " ("
                    + reply.message()
                    + ") for its page token, so pipelines created before "
                    + reached
                    + " were not read"));
      }
      JsonNode root = reply.json().orElse(null);
      if (root == null || !root.path("items").isArray()) {
        throw new ApiException(
            "CircleCI's answer listing pipelines of " + slug + " has no 'items'", 0);
      }
      for (JsonNode item : root.path("items")) {
        Optional<Instant> created = instant(item.path("created_at"));
        if (created.isPresent() && !created.get().isBefore(w.until())) {
          continue;
        }
        if (created.isPresent() && created.get().isBefore(w.from())) {
          return new Listing(items, w.from(), Optional.empty());
        }
        items.add(item);
      }
      pageToken = root.path("next_page_token").asText("");
      if (root.path("next_page_token").isNull() || pageToken.isEmpty()) {
        return new Listing(items, w.from(), Optional.empty());
      }
      if (!seen.add(pageToken)) {
        return new Listing(
            items,
            w.until(),
            Optional.of("CircleCI repeated a page token listing pipelines of " + slug));
      }
    }
    return new Listing(
        items,
        w.until(),
        Optional.of(
            "the pipeline listing of " + slug + " did not end after " + MAX_PAGES + " pages"));
  }

  private List<WorkflowRun> workflowRuns(Api api, List<JsonNode> items)
      throws ApiException, IOException, InterruptedException {
    List<JsonNode> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(n -> instant(n.path("created_at")).orElse(Instant.EPOCH)));
    Map<String, Integer> runsByName = new HashMap<>();
    List<WorkflowRun> out = new ArrayList<>();
    for (JsonNode wf : sorted) {
      String id = wf.path("id").asText("");
      String name = wf.path("name").asText("");
      int rerun = runsByName.merge(name, 1, Integer::sum) - 1;
      Reply jobs =
          api.list(
              uri("/api/v2/workflow/" + enc(id) + "/job"),
              "jobs of workflow '" + name + "' (" + id + ")");
      List<JobRun> runs = new ArrayList<>();
      if (jobs.problem.isEmpty()) {
        for (JsonNode j : jobs.items) {
          List<String> deps = new ArrayList<>();
          j.path("dependencies").forEach(d -> deps.add(d.asText("")));
          runs.add(
              new JobRun(
                  j.path("id").asText(""),
                  j.path("name").asText(""),
                  j.path("type").asText(""),
                  j.path("status").asText(""),
                  instant(j.path("started_at")),
                  instant(j.path("stopped_at")),
                  deps,
                  person(api, j.path("approved_by")),
                  text(j.path("approval_request_id")),
                  person(api, j.path("canceled_by"))));
        }
      }
      out.add(
          new WorkflowRun(
              id,
              name,
              wf.path("status").asText(""),
              rerun,
              person(api, wf.path("started_by")),
              instant(wf.path("created_at")).orElse(Instant.EPOCH),
              instant(wf.path("stopped_at")),
              runs,
              jobs.problem));
    }
    return out;
  }

  /** The user a UUID names, asked once per UUID per scan. */
  private Optional<Person> person(Api api, JsonNode uuid) throws IOException, InterruptedException {
    Optional<String> id = text(uuid);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Person known = users.get(id.get());
    if (known != null) {
      return Optional.of(known);
    }
    PacedJsonClient.Reply reply = api.client.get(uri("/api/v2/user/" + enc(id.get())), api.headers);
    Person p;
    Optional<JsonNode> json = reply.json();
    if (reply.status() == 200 && json.isPresent() && json.get().path("login").isTextual()) {
      p =
          Person.known(
              id.get(), json.get().path("login").asText(), json.get().path("name").asText(""));
    } else {
      p =
          Person.unresolved(
              id.get(),
              "CircleCI could not name user "
                  + id.get()
                  + " (HTTP "
                  + reply.status()
                  + ": "
                  + reply.message()
                  + ")");
    }
    users.put(id.get(), p);
    return Optional.of(p);
  }

  private URI uri(String pathAndQuery) {
    return URI.create(baseUrl + pathAndQuery);
  }

  private static String slugPath(String slug) {
    List<String> parts = new ArrayList<>();
    for (String s : slug.split("/", -1)) {
      parts.add(enc(s));
    }
    return String.join("/", parts);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
  }

  private static Optional<Instant> instant(JsonNode n) {
    try {
      return text(n).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A whole listing, or why it stopped (status 404 on the first page is kept for the caller). */
  private record Reply(int status, List<JsonNode> items, Optional<String> problem) {}

  private static final class Api {
    final PacedJsonClient client;
    final Map<String, String> headers;

    Api(PacedJsonClient client, Map<String, String> headers) {
      this.client = client;
      this.headers = headers;
    }

    /** Every item of a paged listing; a failure on a later page is a problem, not the end. */
    Reply list(URI first, String what) throws ApiException, IOException, InterruptedException {
      List<JsonNode> items = new ArrayList<>();
      String pageToken = "";
      Set<String> seen = new java.util.HashSet<>();
      for (int page = 0; page < MAX_PAGES; page++) {
        URI u =
            pageToken.isEmpty()
                ? first
                : URI.create(
                    first
                        + (first.getRawQuery() == null ? "?" : "&")
                        + "page-token="
                        + enc(pageToken));
        PacedJsonClient.Reply reply = client.get(u, headers);
        if (reply.status() == 401) {
          throw ApiException.of(reply, what);
        }
        if (reply.status() == 404 && page == 0) {
          return new Reply(
              404, items, Optional.of("CircleCI no longer has the " + what + " (404)"));
        }
        if (reply.status() != 200) {
          return new Reply(
              reply.status(),
              items,
              Optional.of(
                  "the "
                      + what
                      + " could not be read"
                      + (page > 0 ? " past page " + page : "")
                      + ": CircleCI answered HTTP "
                      + reply.status()
                      + " ("
                      + reply.message()
                      + ")"));
        }
        JsonNode root = reply.json().orElse(null);
        if (root == null || !root.path("items").isArray()) {
          return new Reply(
              200, items, Optional.of("CircleCI's answer for the " + what + " has no 'items'"));
        }
        root.path("items").forEach(items::add);
        pageToken = root.path("next_page_token").asText("");
        if (root.path("next_page_token").isNull() || pageToken.isEmpty()) {
          return new Reply(200, items, Optional.empty());
        }
        if (!seen.add(pageToken)) {
          return new Reply(
              200, items, Optional.of("CircleCI repeated a page token for the " + what));
        }
      }
      return new Reply(
          200, items, Optional.of("the " + what + " did not end after " + MAX_PAGES + " pages"));
    }
  }

  /** A CircleCI answer that makes a project's history unreadable, in the user's terms. */
  static final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    ApiException(String message, int status) {
      super(message, null, false, false);
      this.status = status;
    }

    static ApiException of(PacedJsonClient.Reply reply, String what) {
      String said = " (HTTP " + reply.status() + ": " + reply.message() + ")";
      return switch (reply.status()) {
        case 401 ->
            new ApiException(
                "CircleCI rejected " + TOKEN_ENV + said + "; set a valid personal API token", 401);
        case 403 ->
            new ApiException("the " + TOKEN_ENV + " user may not read the " + what + said, 403);
        case 404 ->
            new ApiException(
                "CircleCI has no "
                    + what
                    + said
                    + ": the project is not on CircleCI or the token cannot see it",
                404);
        case 429 ->
            new ApiException(
                "CircleCI kept answering 429 (rate limited) for the "
                    + what
                    + " after "
                    + reply.retries()
                    + " retries",
                429);
        default ->
            new ApiException(
                "CircleCI answered the request for the " + what + said, reply.status());
      };
    }
  }
}
