package dev.shipcheck.simulators.github;

import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.WiringFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * GitHub's published GraphQL schema (vendored from {@code @octokit/graphql-schema}, see the README
 * beside it), loaded into graphql-java so that the simulator validates queries exactly as strictly
 * as the schema allows: a query GitHub would reject is rejected here too.
 */
public final class GitHubSchema {
  static final String RESOURCE = "github-schema.graphql";

  private GitHubSchema() {}

  /** The schema's type definitions with repeated field definitions removed (see README). */
  public static TypeDefinitionRegistry registry() {
    try (InputStream in = GitHubSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      TypeDefinitionRegistry registry =
          new SchemaParser().parse(reader, ParserOptions.getDefaultSdlParserOptions());
      return deduplicated(registry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The executable schema, with every field answered through {@code wiring}. */
  public static GraphQLSchema build(WiringFactory wiring) {
    RuntimeWiring runtime = RuntimeWiring.newRuntimeWiring().wiringFactory(wiring).build();
    return new SchemaGenerator().makeExecutableSchema(registry(), runtime);
  }

  @SuppressWarnings("rawtypes")
  static TypeDefinitionRegistry deduplicated(TypeDefinitionRegistry registry) {
    List<TypeDefinition> replaced = new ArrayList<>();
    for (TypeDefinition<?> t : registry.types().values()) {
      if (t instanceof ObjectTypeDefinition o
          && hasDuplicates(o.getFieldDefinitions(), FieldDefinition::getName)) {
        replaced.add(
            o.transform(
                b ->
                    b.fieldDefinitions(unique(o.getFieldDefinitions(), FieldDefinition::getName))));
      } else if (t instanceof InterfaceTypeDefinition i
          && hasDuplicates(i.getFieldDefinitions(), FieldDefinition::getName)) {
        replaced.add(
            i.transform(
                b -> b.definitions(unique(i.getFieldDefinitions(), FieldDefinition::getName))));
      } else if (t instanceof InputObjectTypeDefinition in
          && hasDuplicates(in.getInputValueDefinitions(), InputValueDefinition::getName)) {
        replaced.add(
            in.transform(
                b ->
                    b.inputValueDefinitions(
                        unique(in.getInputValueDefinitions(), InputValueDefinition::getName))));
      }
    }
    for (TypeDefinition t : replaced) {
      registry.remove(registry.getType(t.getName()).orElseThrow());
      registry.add(t);
    }
    return registry;
  }

  private static <T> boolean hasDuplicates(List<T> items, Function<T, String> name) {
    Set<String> seen = new HashSet<>();
    return items.stream().map(name).anyMatch(n -> !seen.add(n));
  }

  private static <T> List<T> unique(List<T> items, Function<T, String> name) {
    Set<String> seen = new HashSet<>();
    List<T> out = new ArrayList<>();
    for (T item : items) {
      if (seen.add(name.apply(item))) {
        out.add(item);
      }
    }
    return out;
  }
}
