package dev.shipcheck.core.collect;

import java.util.List;

/**
 * A data source of a scan (git, GitHub, CircleCI, AWS, StatusCake): whether it is configured, and
 * its collectors. An unconfigured source's facts become NOT_RUN with {@link
 * SourceStatus#howToEnable}.
 */
public interface Source {
  SourceStatus status();

  List<Collector> collectors();

  static Source of(SourceStatus status, List<Collector> collectors) {
    List<Collector> copy = List.copyOf(collectors);
    return new Source() {
      @Override
      public SourceStatus status() {
        return status;
      }

      @Override
      public List<Collector> collectors() {
        return copy;
      }
    };
  }

  /** An unconfigured source that still says which facts it would provide (for NOT_RUN). */
  static Source notConfigured(String name, String howToEnable, List<Collector> wouldProvide) {
    return of(SourceStatus.notConfigured(name, howToEnable), wouldProvide);
  }
}
