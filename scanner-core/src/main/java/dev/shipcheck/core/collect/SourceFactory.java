package dev.shipcheck.core.collect;

/**
 * Creates a data source for a scan; found with {@link java.util.ServiceLoader}. Sources are asked
 * in {@link #priority()} order, and a fact type comes from the first configured source providing it
 * (so a local scan reads files from git before it would ask GitHub).
 */
public interface SourceFactory {
  /** The source's name, e.g. {@code git}, {@code github}, {@code aws}. */
  String name();

  /** Lower first. Git is 10, GitHub 20, CircleCI 30, AWS 40, StatusCake 50. */
  int priority();

  /** The source for this scan; {@link SourceStatus#configured()} false if it cannot take part. */
  Source create(SourceContext context);
}
