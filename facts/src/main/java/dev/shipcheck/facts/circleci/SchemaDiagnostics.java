package dev.shipcheck.facts.circleci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.regex.RegularExpressionFactory;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.yaml.Position;
import dev.shipcheck.core.yaml.SourceMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a config against the official CircleCI JSON Schema (see {@code SCHEMA-PROVENANCE.md}) and
 * returns its complaints with positions. Advisory only: the schema rejects every {@code version: 2}
 * config and lags the product.
 */
public final class SchemaDiagnostics {
  public static final String RESOURCE = "/dev/shipcheck/facts/circleci/circleci-config.schema.json";

  /** At most this many diagnostics are kept; the rest are counted. */
  public static final int MAX = 20;

  private static final java.util.concurrent.atomic.AtomicBoolean PREPARING =
      new java.util.concurrent.atomic.AtomicBoolean();

  private SchemaDiagnostics() {}

  /**
   * Starts compiling the schema on a daemon thread, once. Compiling the 190 KB schema costs a few
   * hundred milliseconds in a cold JVM, while validating a config against it costs a few; started
   * when a scan is planned, it overlaps with collection instead of adding to the pre-merge scan's
   * wall time. The result does not depend on timing: {@link #of} waits for the compiled schema.
   */
  public static void prepareInBackground() {
    if (PREPARING.compareAndSet(false, true)) {
      Thread t =
          new Thread(
              () -> {
                if (Holder.SCHEMA == null) {
                  throw new IllegalStateException("schema not compiled");
                }
              },
              "shipcheck-circleci-schema");
      t.setDaemon(true);
      t.start();
    }
  }

  public static List<ConfigProblem> of(JsonNode root, SourceMap positions) {
    List<ConfigProblem> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Error> errors = Holder.SCHEMA.validate(root);
    for (Error e : errors) {
      String pointer = pointer(e);
      String message =
          (pointer.isEmpty() ? "(top level)" : pointer.substring(1).replace('/', '.'))
              + ": "
              + describe(e);
      if (seen.add(message)) {
        Position p = positions.valueAt(pointer);
        out.add(new ConfigProblem(p, message));
      }
    }
    out.sort(
        Comparator.comparingInt((ConfigProblem p) -> p.position().line())
            .thenComparingInt(p -> p.position().column()));
    if (out.size() > MAX) {
      int more = out.size() - MAX;
      List<ConfigProblem> kept = new ArrayList<>(out.subList(0, MAX));
      kept.add(new ConfigProblem(Position.UNKNOWN, "and " + more + " more schema diagnostic(s)"));
      return kept;
    }
    return out;
  }

  private static String pointer(Error e) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < e.getInstanceLocation().getNameCount(); i++) {
      sb.append('/').append(SourceMap.token(String.valueOf(e.getInstanceLocation().getElement(i))));
    }
    return sb.toString();
  }

  private static String describe(Error e) {
    String message = e.getMessage();
    int colon = message.indexOf(": ");
    if (message.startsWith("$") && colon > 0) {
      message = message.substring(colon + 2);
    }
    return message;
  }

  /**
   * The schema's {@code pattern}s run over the config's values, which a hostile config writes: with
   * {@code java.util.regex}, {@code \\d+(\\.\\d+)?[mhs]} searched in a 40,000-digit value took a
   * minute. RE2/J searches in linear time; the schema's patterns are all valid RE2.
   */
  private static final RegularExpressionFactory LINEAR =
      pattern -> {
        LinearRegex r = LinearRegex.compile(pattern, LinearRegex.Syntax.RE2);
        return r::find;
      };

  /** Compiled on first use: the schema is large, and most scans of a repo need it once. */
  /**
   * Compiles a CircleCI config schema. The shipped one is the official schema without its
   * annotations (descriptions, examples: 8x smaller, so a scan parses it faster); it still carries
   * a stray "steps" keyword, so unknown keywords are annotations rather than a warning each.
   */
  static Schema compile(JsonNode tree) {
    Dialect dialect =
        Dialect.builder(Dialects.getDraft7())
            .unknownKeywordFactory((name, context) -> new AnnotationKeyword(name))
            .build();
    return SchemaRegistry.withDialect(
            dialect,
            b ->
                b.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().regularExpressionFactory(LINEAR).build()))
        .getSchema(tree);
  }

  private static final class Holder {
    static final Schema SCHEMA = load();

    private static Schema load() {
      return compile(tree());
    }

    private static JsonNode tree() {
      try (InputStream in = SchemaDiagnostics.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " missing from the jar");
        }
        return Json.mapper().readTree(in);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
