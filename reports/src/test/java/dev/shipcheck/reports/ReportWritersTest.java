package dev.shipcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.report.ReportWriter;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ReportWritersTest {
  @Test
  void cliFindsTheHtmlAndJunitWritersThroughServiceLoader() {
    assertThat(ServiceLoader.load(ReportWriter.class).stream().map(p -> p.get().format()))
        .contains("html", "junit")
        .doesNotHaveDuplicates();
  }
}
