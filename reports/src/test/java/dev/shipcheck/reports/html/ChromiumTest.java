package dev.shipcheck.reports.html;

import static org.junit.jupiter.api.Assertions.fail;

import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.fixtures.browser.BrowserPage;
import dev.shipcheck.fixtures.browser.HeadlessChromium;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Browser tests of report.html in real headless Chromium (Debian's package, driven over the
 * DevTools protocol; nothing is downloaded). Skipped with a message when Chromium is absent, except
 * in CI ({@code CI=true}), where its absence fails the build. Subclasses carry {@code @EnabledIf}
 * themselves, as the annotation is not inherited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChromiumTest {
  static final Path OUT = Path.of("target", "browser");
  static final Duration READY = Duration.ofSeconds(30);
  static final String SKIPPED =
      "Chromium not found at /usr/bin/chromium (apt-get install -y chromium, or set"
          + " SHIPCHECK_CHROMIUM): browser tests skipped";

  HeadlessChromium chromium;

  /** In CI a missing Chromium is not a reason to skip: {@link #startChromium} then fails. */
  static boolean chromiumPresentOrCi() {
    return HeadlessChromium.find().isPresent() || "true".equalsIgnoreCase(System.getenv("CI"));
  }

  @BeforeAll
  void startChromium() throws IOException {
    Optional<Path> exe = HeadlessChromium.find();
    if (exe.isEmpty()) {
      String why =
          "Chromium not found at "
              + HeadlessChromium.DEBIAN_CHROMIUM
              + " (install Debian's package: apt-get install -y chromium; or set SHIPCHECK_CHROMIUM)";
      fail(why + ": the browser tests must run in CI");
    }
    Files.createDirectories(OUT);
    chromium =
        HeadlessChromium.start(
            exe.get(), Files.createTempDirectory(OUT.toAbsolutePath(), "profile-"));
  }

  @AfterAll
  void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  static URI write(String name, ScanReport r) throws IOException {
    return write(name, r, Optional.empty());
  }

  /** Writes report.html under target/browser/NAME/out, the history being NAME/history. */
  static URI write(String name, ScanReport r, Optional<String> historyBase) throws IOException {
    Path dir = Files.createDirectories(OUT.resolve(name));
    Path file = dir.resolve(HtmlReportWriter.FILE);
    Files.writeString(file, Reports.html(r, historyBase), StandardCharsets.UTF_8);
    return file.toAbsolutePath().toUri();
  }

  BrowserPage open(URI uri) {
    BrowserPage page = chromium.newPage();
    page.navigate(uri);
    page.waitFor("document.documentElement.dataset.ready === 'true'", READY);
    return page;
  }

  static int integer(BrowserPage page, String expression) {
    return page.evaluate(expression).asInt();
  }

  static String text(BrowserPage page, String expression) {
    return page.evaluate(expression).asText();
  }

  static void select(BrowserPage page, String id, Object value) {
    page.evaluate(
        "(() => { const s = document.getElementById('"
            + id
            + "'); s.value = '"
            + value
            + "'; s.dispatchEvent(new Event('change')); })()");
  }

  /** Types into a debounced search box and waits for the list to update. */
  static void type(BrowserPage page, String id, String text) {
    page.evaluate(
        "(() => { const i = document.getElementById('"
            + id
            + "'); i.value = "
            + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(text)
            + "; i.dispatchEvent(new Event('input')); return new Promise(r => setTimeout(r, 400)); })()");
  }
}
