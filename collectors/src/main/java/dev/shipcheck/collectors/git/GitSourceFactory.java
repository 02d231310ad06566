package dev.shipcheck.collectors.git;

import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceFactory;
import dev.shipcheck.core.collect.SourceStatus;
import java.util.List;

/** The local checkout of a pre-merge scan ({@code scan --repo PATH}). */
public final class GitSourceFactory implements SourceFactory {
  public static final String NAME = "git";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public Source create(SourceContext context) {
    if (context.mode() != ScanMode.LOCAL || context.repository().isEmpty()) {
      return Source.notConfigured(NAME, "local checkouts are scanned with --repo PATH", List.of());
    }
    return Source.of(
        SourceStatus.configured(
            NAME, context.repository().get().toAbsolutePath().normalize().toString()),
        List.of(new GitCollector(context.repository().get())));
  }
}
