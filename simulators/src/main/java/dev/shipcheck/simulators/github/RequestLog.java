package dev.shipcheck.simulators.github;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every request the simulator answered, in arrival order of completion. Thread-safe. */
public final class RequestLog {
  /**
   * One request.
   *
   * @param kind {@code graphql} or {@code rest}
   * @param points GraphQL points charged (0 for REST, refused and not-modified requests)
   * @param fault the injected fault, empty if none
   */
  public record Entry(
      String method, String path, String kind, int status, int points, String fault, long millis) {}

  private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

  void add(Entry e) {
    entries.add(e);
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  public long count(String kind) {
    return entries.stream().filter(e -> e.kind().equals(kind)).count();
  }

  public long points() {
    return entries.stream().mapToLong(Entry::points).sum();
  }

  public long faults() {
    return entries.stream().filter(e -> !e.fault().isEmpty()).count();
  }
}
