package dev.shipcheck.core.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * One of {@code count} disjoint parts of an organisation ({@code --shard K/N}, K from 0 to N-1, so
 * a CircleCI job with {@code parallelism: N} passes {@code $CIRCLE_NODE_INDEX/$CIRCLE_NODE_TOTAL}
 * as it is). A repository belongs to the shard its lower-cased name hashes to, so the split depends
 * only on the name: adding or removing repositories never moves the others, and every node of a
 * parallel job agrees without talking to the others.
 */
public record Shard(int index, int count) {
  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard "
              + index
              + "/"
              + count
              + ": expected K/N with 0 <= K < N (K is the node index, as $CIRCLE_NODE_INDEX)");
    }
  }

  /** Parses {@code K/N}; the message of the exception names what is wrong. */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "--shard '" + text + "': expected K/N, e.g. 0/8 (node index/node count)");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--shard '" + text + "': K and N must be whole numbers");
    }
  }

  /** Whether the repository {@code name} ({@code owner/repo}) is in this shard. */
  public boolean includes(String name) {
    return bucket(name, count) == index;
  }

  static int bucket(String name, int count) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (d[i] & 0xff);
      }
      return (int) Long.remainderUnsigned(v, count);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
