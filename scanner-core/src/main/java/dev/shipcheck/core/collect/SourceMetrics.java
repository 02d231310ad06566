package dev.shipcheck.core.collect;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of API requests (and other costs, e.g. GraphQL points) per source. Thread-safe. */
public final class SourceMetrics {
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

  /** Counts one request to {@code source}. */
  public void request(String source) {
    add(source + ".requests", 1);
  }

  public void add(String key, long amount) {
    counters.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(amount);
  }

  public long get(String key) {
    AtomicLong v = counters.get(key);
    return v == null ? 0 : v.get();
  }

  public long requests(String source) {
    return get(source + ".requests");
  }

  /** Every counter, sorted by key. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  public long totalRequests() {
    return counters.entrySet().stream()
        .filter(e -> e.getKey().endsWith(".requests"))
        .mapToLong(e -> e.getValue().get())
        .sum();
  }
}
