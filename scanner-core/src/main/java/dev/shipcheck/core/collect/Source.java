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
}
