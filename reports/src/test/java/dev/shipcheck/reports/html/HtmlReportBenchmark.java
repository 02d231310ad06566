package dev.shipcheck.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.fixtures.browser.BrowserPage;
import dev.shipcheck.fixtures.browser.HeadlessChromium;
import dev.shipcheck.fixtures.reports.MemoryOutput;
import dev.shipcheck.fixtures.reports.SampleHistory;
import dev.shipcheck.fixtures.reports.SampleReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark, not a test (run by {@code bench/html-report.sh}): writes report.html for a generated
 * organisation scan and measures, in headless Chromium with a fresh profile per run, the file size,
 * the time to interactive and the time of filter changes; prints medians. With a history (the
 * default, 90 runs) the report also carries a gate against a baseline in which every third FAIL
 * already failed, as a nightly audit run with {@code --history} and {@code --baseline} does.
 */
public final class HtmlReportBenchmark {
  /** Each action changes one control the way a reader does; the page re-filters synchronously. */
  private static final Map<String, String> ACTIONS = new LinkedHashMap<>();

  static {
    ACTIONS.put(
        "outcome: only fail",
        "document.querySelectorAll('input[name=outcome]').forEach(b => { b.checked = b.value === 'FAIL'; });"
            + " document.querySelector('input[name=outcome][value=FAIL]').dispatchEvent(new Event('change'));");
    ACTIONS.put("rule: one rule", select("f-rule", "9"));
    ACTIONS.put("clause: one clause", select("f-clause", "12"));
    ACTIONS.put("severity: high", select("f-severity", "1"));
    ACTIONS.put("sort: by project", select("f-sort", "project"));
    ACTIONS.put("baseline: new failures only", select("f-gate", "new"));
    ACTIONS.put("reset", "document.getElementById('f-reset').click();");
    ACTIONS.put("search (first, builds index)", search("shared with"));
    ACTIONS.put("search (again)", search("deploy-prod"));
    ACTIONS.put(
        "matrix: problems only",
        "const m = document.getElementById('m-problems'); m.checked = true; m.dispatchEvent(new Event('change'));");
    // Not a filter: what "Save as PDF" costs before the print dialog lays the pages out.
    ACTIONS.put("print preparation", "window.dispatchEvent(new Event('beforeprint'));");
  }

  private HtmlReportBenchmark() {}

  private static String select(String id, String value) {
    return "const s = document.getElementById('"
        + id
        + "'); s.value = '"
        + value
        + "'; s.dispatchEvent(new Event('change'));";
  }

  /** Search as on Enter: the change event applies at once, without the 150 ms typing pause. */
  private static String search(String text) {
    return "const i = document.getElementById('f-text'); i.value = '"
        + text
        + "';"
        + " i.dispatchEvent(new Event('change'));";
  }

  public static void main(String[] args) throws Exception {
    int projects = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path out = Path.of(args.length > 2 ? args[2] : "bench/results/html");
    int history = args.length > 3 ? Integer.parseInt(args[3]) : 90;
    Files.createDirectories(out);
    ScanReport report =
        SampleReports.generated(
            ClauseCatalog.load(HtmlReportBenchmark.class.getClassLoader()), projects, 42);
    if (history > 0) {
      report = SampleHistory.withGate(report, 3, "acme/old-shop");
      report = SampleHistory.withHistory(report, history, 5, false);
    } else {
      ACTIONS.remove("baseline: new failures only");
    }
    List<Double> writeMs = new ArrayList<>();
    byte[] html = null;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      MemoryOutput mem = new MemoryOutput();
      new HtmlReportWriter().write(report, mem);
      writeMs.add((System.nanoTime() - t0) / 1e6);
      html = mem.bytes(HtmlReportWriter.FILE);
    }
    Path file = out.resolve("report.html");
    Files.write(file, html);
    System.out.printf(
        Locale.ROOT,
        "projects %d, rules 14, results %,d, history %d runs%s%n",
        projects,
        report.results().size(),
        history,
        history > 0 ? " (and a baseline)" : "");
    System.out.printf(
        Locale.ROOT, "report.html size: %,d bytes (%.2f MB)%n", html.length, html.length / 1e6);
    System.out.printf(
        Locale.ROOT, "write time (JVM, median of 3 incl. warm-up): %.0f ms%n", median(writeMs));

    Path chromium =
        HeadlessChromium.find()
            .orElseThrow(() -> new IllegalStateException("no Chromium at /usr/bin/chromium"));
    List<Double> ready = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    Map<String, List<Double>> sync = new LinkedHashMap<>();
    Map<String, List<Double>> frame = new LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      Path profile = Files.createTempDirectory("shipcheck-bench-profile-");
      try (HeadlessChromium browser = HeadlessChromium.start(chromium, profile)) {
        BrowserPage page = browser.newPage();
        long t0 = System.nanoTime();
        page.navigate(file.toAbsolutePath().toUri());
        page.waitFor("document.documentElement.dataset.ready === 'true'", Duration.ofSeconds(60));
        wall.add((System.nanoTime() - t0) / 1e6);
        ready.add(
            page.evaluate("performance.getEntriesByName('shipcheck-ready')[0].startTime")
                .asDouble());
        for (Map.Entry<String, String> a : ACTIONS.entrySet()) {
          JsonNode t = page.evaluate(measure(a.getValue()));
          sync.computeIfAbsent(a.getKey(), k -> new ArrayList<>()).add(t.get(0).asDouble());
          frame.computeIfAbsent(a.getKey(), k -> new ArrayList<>()).add(t.get(1).asDouble());
        }
        if (!page.errors().isEmpty() || page.requests().size() != 1) {
          throw new IllegalStateException(
              "page errors " + page.errors() + ", requests " + page.requests());
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "time to interactive (navigation start to ready mark), median of %d: %.0f ms (runs %s)%n",
        runs,
        median(ready),
        rounded(ready));
    System.out.printf(
        Locale.ROOT,
        "time to interactive (wall clock from Page.navigate), median: %.0f ms%n",
        median(wall));
    System.out.println("filter change, median ms: handler+layout / until next frame");
    for (String k : ACTIONS.keySet()) {
      System.out.printf(
          Locale.ROOT, "  %-30s %6.1f / %6.1f%n", k, median(sync.get(k)), median(frame.get(k)));
    }
  }

  /** [synchronous handler + forced layout, until the next animation frame has run] in ms. */
  private static String measure(String action) {
    return "(async () => { const t0 = performance.now(); { "
        + action
        + " }"
        + " document.body.getBoundingClientRect(); void document.body.offsetHeight;"
        + " const t1 = performance.now();"
        + " await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));"
        + " return [t1 - t0, performance.now() - t0]; })()";
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static List<Long> rounded(List<Double> xs) {
    return xs.stream().map(Math::round).toList();
  }
}
