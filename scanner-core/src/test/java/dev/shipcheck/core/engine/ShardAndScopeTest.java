package dev.shipcheck.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipcheck.core.collect.ProjectDiscovery.DiscoveredProject;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.Policy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardAndScopeTest {
  static DiscoveredProject repo(String name, boolean archived, boolean fork, String... topics) {
    return new DiscoveredProject(new Project("acme/" + name), archived, fork, List.of(topics));
  }

  static final Policy.Scope ALL =
      new Policy.Scope(List.of("*"), List.of(), List.of(), false, false);

  @Test
  void shardsPartitionTheOrganisationDeterministically() {
    List<DiscoveredProject> repos = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      repos.add(repo("r" + i, false, false));
    }
    Set<Project> seen = new HashSet<>();
    int total = 0;
    for (int k = 0; k < 4; k++) {
      List<Project> part = ScopeFilter.select(ALL, Optional.of(new Shard(k, 4)), repos).projects();
      assertThat(part.size()).as("shard %d of 4 is roughly a quarter", k).isBetween(90, 160);
      assertThat(ScopeFilter.select(ALL, Optional.of(new Shard(k, 4)), repos).projects())
          .isEqualTo(part);
      seen.addAll(part);
      total += part.size();
    }
    assertThat(total).isEqualTo(500);
    assertThat(seen).hasSize(500);
  }

  @Test
  void shardOfANameDoesNotDependOnTheOtherRepositories() {
    Shard s = Shard.parse("3/7");
    boolean alone = s.includes("acme/shop");
    assertThat(new Shard(3, 7).includes("ACME/Shop")).isEqualTo(alone);
  }

  @Test
  void badShardIsExplained() {
    assertThatThrownBy(() -> Shard.parse("4/4")).hasMessageContaining("0 <= K < N");
    assertThatThrownBy(() -> Shard.parse("-1/4")).hasMessageContaining("0 <= K < N");
    assertThatThrownBy(() -> Shard.parse("0/0")).hasMessageContaining("0 <= K < N");
    assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("expected K/N");
    assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("whole numbers");
  }

  @Test
  void scopeAppliesGlobsForksAndTopicsButKeepsArchived() {
    Policy.Scope scope =
        new Policy.Scope(
            List.of("shop*", "acme/api"), List.of("*-old"), List.of("prod"), false, false);
    ScopeFilter.Selection sel =
        ScopeFilter.select(
            scope,
            Optional.empty(),
            List.of(
                repo("shop", false, false, "prod"),
                repo("shop-old", false, false, "prod"),
                repo("shop-fork", false, true, "prod"),
                repo("shop-lib", false, false, "library"),
                repo("shop-archive", true, false, "PROD"),
                repo("api", false, false, "prod"),
                repo("web", false, false, "prod")));
    assertThat(sel.projects())
        .extracting(Project::name)
        .containsExactly("acme/api", "acme/shop", "acme/shop-archive");
    assertThat(sel.skipped())
        .extracting(ScopeFilter.Skipped::reason)
        .containsExactly(
            "a fork (scope.forks is false)",
            "has none of the scope.topics [prod]",
            "excluded by scope.exclude '*-old'",
            "matches no scope.include pattern");
  }

  @Test
  void forksAreKeptWhenThePolicySaysSo() {
    Policy.Scope scope = new Policy.Scope(List.of("*"), List.of(), List.of(), false, true);
    assertThat(
            ScopeFilter.select(scope, Optional.empty(), List.of(repo("f", false, true))).projects())
        .hasSize(1);
  }
}
