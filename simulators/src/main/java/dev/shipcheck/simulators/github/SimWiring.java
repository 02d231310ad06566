package dev.shipcheck.simulators.github;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers every field of GitHub's schema from plain maps: an object is a {@code Map} whose {@code
 * __typename} entry resolves interfaces and unions; a field reads the entry of its name, computed
 * entries ({@link Computed}) are called with the field's environment, and a list under a {@code
 * ...Connection} field is paginated with {@code first}/{@code after}/{@code last} as GitHub does.
 * Custom scalars pass through as strings.
 */
final class SimWiring implements WiringFactory {

  /** A map entry computed when the field is read (e.g. one that takes arguments). */
  @FunctionalInterface
  interface Computed {
    Object get(DataFetchingEnvironment env);
  }

  /** A list item turned into its map only when it lands on the requested page. */
  @FunctionalInterface
  interface Lazy {
    Object get();
  }

  static final String TYPENAME = "__typename";

  @Override
  public boolean providesScalar(ScalarWiringEnvironment env) {
    return !ScalarInfo.isGraphqlSpecifiedScalar(env.getScalarTypeDefinition().getName());
  }

  @Override
  public GraphQLScalarType getScalar(ScalarWiringEnvironment env) {
    return GraphQLScalarType.newScalar()
        .name(env.getScalarTypeDefinition().getName())
        .coercing(new PassThrough())
        .build();
  }

  @Override
  public boolean providesTypeResolver(InterfaceWiringEnvironment env) {
    return true;
  }

  @Override
  public TypeResolver getTypeResolver(InterfaceWiringEnvironment env) {
    return SimWiring::resolveType;
  }

  @Override
  public boolean providesTypeResolver(UnionWiringEnvironment env) {
    return true;
  }

  @Override
  public TypeResolver getTypeResolver(UnionWiringEnvironment env) {
    return SimWiring::resolveType;
  }

  private static GraphQLObjectType resolveType(graphql.TypeResolutionEnvironment env) {
    Object o = env.getObject();
    if (o instanceof Map<?, ?> m && m.get(TYPENAME) instanceof String name) {
      return env.getSchema().getObjectType(name);
    }
    throw new IllegalStateException("simulator object without __typename: " + o);
  }

  @Override
  public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment env) {
    return SimWiring::fetch;
  }

  static Object fetch(DataFetchingEnvironment env) {
    Object source = env.getSource();
    if (!(source instanceof Map<?, ?> map)) {
      return null;
    }
    Object value = map.get(env.getField().getName());
    if (value instanceof Computed c) {
      value = c.get(env);
    }
    GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(env.getFieldType());
    if (value instanceof List<?> list && type.getName().endsWith("Connection")) {
      return connection(list, env);
    }
    return value;
  }

  /** One page of {@code items}, as GitHub's cursor connections return it. */
  static Map<String, Object> connection(List<?> items, DataFetchingEnvironment env) {
    Integer first = env.getArgument("first");
    Integer last = env.getArgument("last");
    String after = env.getArgument("after");
    int from = after == null ? 0 : decode(after) + 1;
    int to = items.size();
    if (first != null) {
      to = Math.min(to, from + first);
    } else if (last != null) {
      from = Math.max(from, to - last);
    }
    from = Math.min(from, items.size());
    List<Object> nodes = new ArrayList<>();
    for (Object item : items.subList(from, Math.max(from, to))) {
      nodes.add(item instanceof Lazy lazy ? lazy.get() : item);
    }
    List<Object> edges = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      edges.add(Map.of("node", nodes.get(i), "cursor", encode(from + i)));
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("hasNextPage", to < items.size());
    page.put("hasPreviousPage", from > 0);
    page.put("endCursor", nodes.isEmpty() ? null : encode(from + nodes.size() - 1));
    page.put("startCursor", nodes.isEmpty() ? null : encode(from));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("nodes", nodes);
    out.put("edges", edges);
    out.put("pageInfo", page);
    out.put("totalCount", items.size());
    return out;
  }

  static String encode(int index) {
    return Base64.getEncoder()
        .encodeToString(("cursor:v2:" + index).getBytes(StandardCharsets.UTF_8));
  }

  static int decode(String cursor) {
    try {
      String s = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
      return Integer.parseInt(s.substring(s.lastIndexOf(':') + 1));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("`" + cursor + "` does not appear to be a valid cursor.");
    }
  }

  /** GitHub's custom scalars (DateTime, URI, GitObjectID, ...) travel as strings. */
  private static final class PassThrough implements Coercing<Object, Object> {
    @Override
    public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
      return dataFetcherResult == null ? null : dataFetcherResult.toString();
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
      return input;
    }

    @Override
    public Object parseLiteral(
        Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      return input instanceof StringValue s ? s.getValue() : input.toString();
    }
  }
}
