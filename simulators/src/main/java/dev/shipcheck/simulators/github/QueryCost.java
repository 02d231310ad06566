package dev.shipcheck.simulators.github;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub's GraphQL cost rules, applied before execution: every connection needs {@code first} or
 * {@code last} between 1 and 100; a query may ask for at most 500,000 nodes; its cost is the number
 * of requests needed to fill each connection (assuming every {@code first}/{@code last} is
 * reached), divided by 100 and rounded, at least 1 point.
 *
 * @param requests the requests the formula counts
 * @param nodes the nodes the query may return at most
 * @param problems why GitHub would refuse the query before running it; empty when it would run
 */
public record QueryCost(long requests, long nodes, List<String> problems) {
  public static final long MAX_NODES = 500_000;

  public QueryCost {
    problems = List.copyOf(problems);
  }

  /** Points charged against the hourly budget. */
  public int points() {
    return (int) Math.max(1, Math.round(requests / 100.0));
  }

  public static QueryCost of(
      GraphQLSchema schema,
      Document doc,
      Optional<String> operation,
      Map<String, Object> variables) {
    Map<String, FragmentDefinition> fragments = new HashMap<>();
    OperationDefinition op = null;
    for (var d : doc.getDefinitions()) {
      if (d instanceof FragmentDefinition f) {
        fragments.put(f.getName(), f);
      } else if (d instanceof OperationDefinition o
          && (operation.isEmpty() || operation.get().equals(o.getName()))) {
        op = o;
      }
    }
    Counter c = new Counter(schema, fragments, variables);
    if (op != null && op.getOperation() == OperationDefinition.Operation.QUERY) {
      c.walk(op.getSelectionSet(), schema.getQueryType(), 1, 0);
    }
    if (c.nodes > MAX_NODES) {
      c.problems.add(
          "This query requests up to "
              + c.nodes
              + " possible nodes which exceeds the maximum limit of "
              + MAX_NODES
              + ".");
    }
    return new QueryCost(c.requests, c.nodes, c.problems);
  }

  private static final class Counter {
    final GraphQLSchema schema;
    final Map<String, FragmentDefinition> fragments;
    final Map<String, Object> variables;
    final List<String> problems = new ArrayList<>();
    long requests;
    long nodes;

    Counter(
        GraphQLSchema schema,
        Map<String, FragmentDefinition> fragments,
        Map<String, Object> variables) {
      this.schema = schema;
      this.fragments = fragments;
      this.variables = variables;
    }

    void walk(SelectionSet set, GraphQLType parent, long multiplier, int depth) {
      if (set == null || depth > 30) {
        return;
      }
      for (Selection<?> s : set.getSelections()) {
        if (s instanceof Field f) {
          field(f, parent, multiplier, depth);
        } else if (s instanceof InlineFragment i) {
          GraphQLType t =
              i.getTypeCondition() == null
                  ? parent
                  : schema.getType(i.getTypeCondition().getName());
          walk(i.getSelectionSet(), t, multiplier, depth + 1);
        } else if (s instanceof FragmentSpread spread) {
          FragmentDefinition fd = fragments.get(spread.getName());
          if (fd != null) {
            walk(
                fd.getSelectionSet(),
                schema.getType(fd.getTypeCondition().getName()),
                multiplier,
                depth + 1);
          }
        }
      }
    }

    void field(Field f, GraphQLType parent, long multiplier, int depth) {
      if (!(parent instanceof GraphQLFieldsContainer container) || f.getName().startsWith("__")) {
        return;
      }
      GraphQLFieldDefinition def = container.getFieldDefinition(f.getName());
      if (def == null) {
        return; // validation reports unknown fields
      }
      GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(def.getType());
      long childMultiplier = multiplier;
      if (type.getName().endsWith("Connection")) {
        Optional<Long> limit = intArg(f, "first").or(() -> intArg(f, "last"));
        if (limit.isEmpty()) {
          problems.add(
              "You must provide a `first` or `last` value to properly paginate the `"
                  + f.getName()
                  + "` connection.");
          return;
        }
        if (limit.get() < 1 || limit.get() > 100) {
          problems.add(
              "Requesting "
                  + limit.get()
                  + " records on the `"
                  + f.getName()
                  + "` connection exceeds the `first` limit of 100 records.");
          return;
        }
        requests += multiplier;
        childMultiplier = multiplier * limit.get();
        nodes += childMultiplier;
      }
      walk(f.getSelectionSet(), type, childMultiplier, depth + 1);
    }

    Optional<Long> intArg(Field f, String name) {
      for (Argument a : f.getArguments()) {
        if (a.getName().equals(name)) {
          return value(a.getValue());
        }
      }
      return Optional.empty();
    }

    Optional<Long> value(Value<?> v) {
      if (v instanceof IntValue i) {
        return Optional.of(i.getValue().longValue());
      }
      if (v instanceof VariableReference r && variables.get(r.getName()) instanceof Number n) {
        return Optional.of(n.longValue());
      }
      return Optional.empty();
    }
  }
}
