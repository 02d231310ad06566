package dev.shipcheck.facts.circleci.contexts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CircleCiContextsTest {
  @Test
  void findsContextsByNameAndTellsGroupRestrictions() throws Exception {
    CircleCiContexts.Context prod =
        new CircleCiContexts.Context(
            "c1",
            "prod-deploy",
            Optional.of(Instant.parse("2024-01-02T03:04:05Z")),
            List.of(
                new CircleCiContexts.Restriction("r1", "group", "g-1", Optional.of("deployers")),
                new CircleCiContexts.Restriction("r2", "project", "p-1", Optional.empty())),
            Optional.empty());
    CircleCiContexts.Context unknown =
        new CircleCiContexts.Context(
            "c2", "other", Optional.empty(), List.of(), Optional.of("403 on restrictions"));
    CircleCiContexts contexts = new CircleCiContexts("gh/acme", List.of(prod, unknown));

    assertThat(contexts.named("prod-deploy").orElseThrow().groupRestrictions())
        .extracting(CircleCiContexts.Restriction::value)
        .containsExactly("g-1");
    assertThat(contexts.named("other").orElseThrow().restrictionsKnown()).isFalse();
    assertThat(contexts.named("Prod-Deploy")).isEmpty();

    String json = Json.mapper().writeValueAsString(contexts);
    assertThat(Json.mapper().readValue(json, CircleCiContexts.class)).isEqualTo(contexts);
  }
}
