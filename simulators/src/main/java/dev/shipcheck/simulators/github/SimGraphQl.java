package dev.shipcheck.simulators.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.github.GitHubSimulator.Reply;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Executes GraphQL requests against GitHub's schema, charging GitHub's cost. */
final class SimGraphQl {
  /** Built once per JVM: parsing GitHub's 1.2 MB schema takes a while. */
  private static volatile GraphQLSchema schema;

  private final SimData data;
  private final RateLimits limits;
  private final GraphQL graphql;

  SimGraphQl(SimData data, RateLimits limits) {
    this.data = data;
    this.limits = limits;
    this.graphql = GraphQL.newGraphQL(schema()).build();
  }

  static GraphQLSchema schema() {
    GraphQLSchema s = schema;
    if (s == null) {
      synchronized (SimGraphQl.class) {
        if (schema == null) {
          schema = GitHubSchema.build(new SimWiring());
        }
        s = schema;
      }
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  Reply execute(byte[] body) {
    String query;
    Map<String, Object> variables;
    Optional<String> operation;
    try {
      JsonNode req = Json.mapper().readTree(body);
      query = req.path("query").asText("");
      variables =
          req.hasNonNull("variables")
              ? Json.mapper().convertValue(req.get("variables"), Map.class)
              : Map.of();
      operation = Optional.ofNullable(req.path("operationName").textValue());
    } catch (IOException e) {
      return Reply.json(400, Map.of("message", "Problems parsing JSON"));
    }
    Document doc;
    try {
      doc = Parser.parse(query);
    } catch (InvalidSyntaxException e) {
      return errors(List.of(Map.of("message", e.getMessage())));
    }
    QueryCost cost = QueryCost.of(schema(), doc, operation, variables);
    if (!cost.problems().isEmpty()) {
      List<Map<String, Object>> errs = new ArrayList<>();
      cost.problems()
          .forEach(p -> errs.add(Map.of("type", "MAX_NODE_LIMIT_EXCEEDED", "message", p)));
      return errors(errs);
    }
    if (!limits.chargeGraphQl(cost.points())) {
      return Reply.json(
          403,
          Map.of(
              "errors",
              List.of(
                  Map.of(
                      "type",
                      "RATE_LIMITED",
                      "message",
                      "API rate limit already exceeded for user ID 1."))));
    }
    Map<String, Object> rate =
        SimData.obj("RateLimit", "cost", cost.points(), "limit", limits.limit("graphql"));
    rate.put("remaining", limits.remaining("graphql"));
    rate.put("used", limits.used("graphql"));
    rate.put("resetAt", Instant.ofEpochSecond(limits.resetEpochSeconds()).toString());
    rate.put("nodeCount", cost.nodes());
    Map<Object, Object> ctx = new LinkedHashMap<>();
    ctx.put(SimData.CTX_COST, rate);
    ExecutionInput input =
        ExecutionInput.newExecutionInput(query)
            .variables(variables)
            .operationName(operation.orElse(null))
            .root(data.root())
            .graphQLContext(ctx)
            .build();
    ExecutionResult result = graphql.execute(input);
    if (Boolean.TRUE.equals(input.getGraphQLContext().get(SimData.CTX_UNREACHABLE))) {
      return Reply.json(502, Map.of("message", "Server Error")).withPoints(cost.points());
    }
    return Reply.json(200, githubShape(result.toSpecification())).withPoints(cost.points());
  }

  /** GitHub puts an error's {@code type} beside its message, not in {@code extensions}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> githubShape(Map<String, Object> spec) {
    Object errors = spec.get("errors");
    if (errors instanceof List<?> list) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Object o : list) {
        Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) o);
        if (e.get("extensions") instanceof Map<?, ?> ext && ext.get("type") != null) {
          e.put("type", ext.get("type"));
          e.remove("extensions");
        }
        out.add(e);
      }
      Map<String, Object> copy = new LinkedHashMap<>(spec);
      copy.put("errors", out);
      return copy;
    }
    return spec;
  }

  private static Reply errors(List<Map<String, Object>> errors) {
    return Reply.json(200, Map.of("errors", errors));
  }
}
