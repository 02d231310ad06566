package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CircleCI wiring must hand {@code --shard}: node i of N gets {@code (i+1)/N}, every node
 * a different shard, together all of them. {@code shipcheck scan --shard} is not on main yet
 * (branch issue-4, where K counts from 1); once {@code dev.shipcheck.core.engine.Shard} is on the
 * class path, each value is also checked with its real parser.
 */
final class ShardSpec {
  private ShardSpec() {}

  static void assertEveryNodeGetsAValidDistinctShard(List<String> shards, int nodes)
      throws Exception {
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      expected.add(i + "/" + nodes);
    }
    assertThat(shards).containsExactlyElementsOf(expected);
    Method parse;
    try {
      parse = Class.forName("dev.shipcheck.core.engine.Shard").getMethod("parse", String.class);
    } catch (ClassNotFoundException e) {
      return; // not merged yet: the spelling above is all that can be checked
    }
    for (String s : shards) {
      assertThat(parse.invoke(null, s)).hasToString(s);
    }
  }
}
