package dev.shipcheck.simulators.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.SimServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The awsJson 1.1 side of {@link AwsOrganizationsSimulator}. */
final class OrganizationsHandler implements HttpHandler {
  private static final String JSON_11 = "application/x-amz-json-1.1";
  private static final Pattern SIGV4 =
      Pattern.compile(
          "^AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/\\d{8}/[a-z0-9-]+/organizations/aws4_request,.*Signature=[0-9a-f]{64}.*$");

  private final AwsOrganizationsSimulator sim;
  private final List<SimAccount> accounts;

  OrganizationsHandler(AwsOrganizationsSimulator sim) {
    this.sim = sim;
    List<SimAccount> all = new ArrayList<>(sim.config.accounts);
    String mgmt = sim.config.managementAccountId;
    if (all.stream().noneMatch(a -> a.id().equals(mgmt))) {
      // ListAccounts always includes the management account itself.
      all.add(
          0,
          new SimAccount(
              mgmt, "management", sim.config.managementEmail, "ACTIVE", 1481756563.134, Map.of()));
    }
    this.accounts = List.copyOf(all);
  }

  /** An awsJson error: HTTP status, {@code __type} and message. */
  private static final class AwsError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String type;
    final transient Optional<String> reason;

    AwsError(int status, String type, String message) {
      this(status, type, message, Optional.empty());
    }

    AwsError(int status, String type, String message, Optional<String> reason) {
      super(message, null, false, false);
      this.status = status;
      this.type = type;
      this.reason = reason;
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    SimServer.pause(sim.latencyMillis);
    byte[] body = SimServer.readBody(exchange);
    String target =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
    String op =
        target.startsWith(AwsOrganizationsSimulator.TARGET_PREFIX)
            ? target.substring(AwsOrganizationsSimulator.TARGET_PREFIX.length())
            : target;
    sim.calls.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
    try {
      check(exchange, target, op);
      JsonNode request = parse(body);
      ObjectNode response =
          switch (op) {
            case "DescribeOrganization" -> describeOrganization();
            case "ListAccounts" -> listAccounts(request);
            case "ListTagsForResource" -> listTags(request);
            default ->
                throw new AwsError(400, "UnknownOperationException", "Unknown operation " + target);
          };
      SimServer.send(exchange, 200, headers(), SimServer.bytes(response));
    } catch (AwsError e) {
      ObjectNode error = Json.mapper().createObjectNode();
      error.put("__type", e.type);
      error.put("Message", e.getMessage());
      e.reason.ifPresent(r -> error.put("Reason", r));
      Map<String, String> headers = new java.util.LinkedHashMap<>(headers());
      headers.put("x-amzn-ErrorType", e.type);
      SimServer.send(exchange, e.status, headers, SimServer.bytes(error));
    }
  }

  private void check(HttpExchange exchange, String target, String op) throws AwsError {
    if (!exchange.getRequestMethod().equals("POST")
        || !exchange.getRequestURI().getPath().equals("/")) {
      throw new AwsError(404, "UnknownOperationException", "awsJson requests are POST /");
    }
    String contentType =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    if (!contentType.startsWith(JSON_11)) {
      throw new AwsError(400, "UnknownOperationException", "Content-Type must be " + JSON_11);
    }
    if (!target.startsWith(AwsOrganizationsSimulator.TARGET_PREFIX)) {
      throw new AwsError(400, "UnknownOperationException", "Unknown operation " + target);
    }
    if (sim.config.requireSignature) {
      String auth =
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
      Matcher m = SIGV4.matcher(auth);
      if (auth.isEmpty()) {
        throw new AwsError(
            400, "MissingAuthenticationTokenException", "Missing Authentication Token");
      }
      if (!m.matches()) {
        throw new AwsError(
            400,
            "IncompleteSignatureException",
            "Authorization header is not a SigV4 signature for organizations");
      }
    }
    faults(op);
  }

  /** The faults switched on for this operation, in the order AWS would meet them. */
  private void faults(String op) throws AwsError {
    if (sim.notInOrganization) {
      throw new AwsError(
          400,
          "AWSOrganizationsNotInUseException",
          "Your account is not a member of an organization.");
    }
    if (sim.denied.contains(op) || sim.denied.contains("*")) {
      throw new AwsError(
          400, "AccessDeniedException", "You don't have permissions to access this resource.");
    }
    if (takeOne(sim.throttles, op) || sim.randomFaults.strike()) {
      throw new AwsError(
          400,
          "TooManyRequestsException",
          "You have sent too many requests in too short a period of time. Try again later.");
    }
    if (takeOne(sim.failures, op)) {
      throw new AwsError(
          500,
          "ServiceException",
          "AWS Organizations can't complete your request because of an internal service error. Try again later.");
    }
  }

  private static boolean takeOne(Map<String, AtomicInteger> counters, String op) {
    AtomicInteger n = counters.get(op);
    return n != null && n.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0;
  }

  private static JsonNode parse(byte[] body) throws AwsError {
    if (body.length == 0) {
      return Json.mapper().createObjectNode();
    }
    try {
      JsonNode n = Json.mapper().readTree(body);
      if (n == null || !n.isObject()) {
        throw new AwsError(400, "SerializationException", "request body is not a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw new AwsError(400, "SerializationException", "request body is not JSON");
    }
  }

  private static Map<String, String> headers() {
    return Map.of("Content-Type", JSON_11, "x-amzn-RequestId", UUID.randomUUID().toString());
  }

  private ObjectNode describeOrganization() {
    AwsOrganizationsSimulator.Config c = sim.config;
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode org = root.putObject("Organization");
    org.put("Id", c.organizationId);
    org.put(
        "Arn",
        "arn:aws:organizations::" + c.managementAccountId + ":organization/" + c.organizationId);
    org.put("FeatureSet", "ALL");
    org.put("MasterAccountArn", accountArn(c.managementAccountId));
    org.put("MasterAccountId", c.managementAccountId);
    org.put("MasterAccountEmail", c.managementEmail);
    ObjectNode scp = org.putArray("AvailablePolicyTypes").addObject();
    scp.put("Type", "SERVICE_CONTROL_POLICY");
    scp.put("Status", "ENABLED");
    return root;
  }

  private String accountArn(String id) {
    return "arn:aws:organizations::"
        + sim.config.managementAccountId
        + ":account/"
        + sim.config.organizationId
        + "/"
        + id;
  }

  private ObjectNode listAccounts(JsonNode request) throws AwsError {
    int max = sim.config.accountsPageSize;
    if (request.has("MaxResults")) {
      int asked = request.get("MaxResults").asInt();
      if (asked < 1 || asked > 20) {
        throw new AwsError(
            400,
            "InvalidInputException",
            "You provided a value that is outside the range 1 to 20 for MaxResults.",
            Optional.of(asked < 1 ? "MIN_VALUE_EXCEEDED" : "MAX_VALUE_EXCEEDED"));
      }
      max = Math.min(max, asked);
    }
    Page page = page("ListAccounts", request, accounts.size(), max);
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode out = root.putArray("Accounts");
    for (SimAccount a : accounts.subList(page.from, page.to)) {
      ObjectNode n = out.addObject();
      n.put("Id", a.id());
      n.put("Arn", accountArn(a.id()));
      n.put("Email", a.email());
      n.put("Name", a.name());
      if (sim.config.legacyStatus
          && List.of("ACTIVE", "SUSPENDED", "PENDING_CLOSURE").contains(a.state())) {
        n.put("Status", a.state());
      }
      n.put("State", a.state());
      n.put("JoinedMethod", a.id().equals(sim.config.managementAccountId) ? "CREATED" : "INVITED");
      n.put("JoinedTimestamp", a.joined());
    }
    page.next.ifPresent(t -> root.put("NextToken", t));
    return root;
  }

  private ObjectNode listTags(JsonNode request) throws AwsError {
    String id = request.path("ResourceId").asText("");
    if (id.isEmpty()) {
      throw new AwsError(
          400, "InvalidInputException", "ResourceId is required.", Optional.of("INPUT_REQUIRED"));
    }
    SimAccount account =
        accounts.stream()
            .filter(a -> a.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    new AwsError(
                        400,
                        "TargetNotFoundException",
                        "You specified a target that doesn't exist."));
    List<Map.Entry<String, String>> tags = new ArrayList<>(account.tags().entrySet());
    Page page = page("ListTagsForResource:" + id, request, tags.size(), sim.config.tagsPageSize);
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode out = root.putArray("Tags");
    for (Map.Entry<String, String> t : tags.subList(page.from, page.to)) {
      ObjectNode n = out.addObject();
      n.put("Key", t.getKey());
      n.put("Value", t.getValue());
    }
    page.next.ifPresent(t -> root.put("NextToken", t));
    return root;
  }

  private record Page(int from, int to, Optional<String> next) {}

  /**
   * The slice of a listing a request asks for. Tokens are opaque to the client and bound to the
   * listing they came from, as AWS's are.
   */
  private Page page(String listing, JsonNode request, int total, int size) throws AwsError {
    String token = request.path("NextToken").asText("");
    int from;
    if (token.isEmpty()) {
      if (sim.config.emptyPages) {
        return new Page(0, 0, Optional.of(token(listing, 0)));
      }
      from = 0;
    } else {
      from = decode(listing, token, total);
    }
    int to = Math.min(total, from + size);
    return new Page(from, to, to < total ? Optional.of(token(listing, to)) : Optional.empty());
  }

  private static String token(String listing, int offset) {
    String raw = listing + "|" + offset;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String listing, String token, int total) throws AwsError {
    AwsError invalid =
        new AwsError(
            400,
            "InvalidInputException",
            "The NextToken you provided is not valid.",
            Optional.of("INVALID_NEXT_TOKEN"));
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int bar = raw.lastIndexOf('|');
      if (bar < 0 || !raw.substring(0, bar).equals(listing)) {
        throw invalid;
      }
      int offset = Integer.parseInt(raw.substring(bar + 1));
      if (offset < 0 || offset > total) {
        throw invalid;
      }
      return offset;
    } catch (IllegalArgumentException e) {
      throw invalid;
    }
  }
}
