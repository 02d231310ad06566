package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.engine.Shard;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CircleCI wiring must hand {@code --shard}: node i of N gets {@code i/N} (CircleCI's
 * {@code $CIRCLE_NODE_INDEX/$CIRCLE_NODE_TOTAL}, unchanged), every node a different shard, together
 * all of them, each accepted by the real parser.
 */
final class ShardSpec {
  private ShardSpec() {}

  static void assertEveryNodeGetsAValidDistinctShard(List<String> shards, int nodes) {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      expected.add(i + "/" + nodes);
    }
    assertThat(shards).containsExactlyElementsOf(expected);
    for (String s : shards) {
      assertThat(Shard.parse(s)).hasToString(s);
    }
  }
}
