package dev.shipcheck.reports.junit;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.report.AppliedWaiver;
import dev.shipcheck.core.report.ReportOutput;
import dev.shipcheck.core.report.ReportWriter;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml} for CircleCI's test tab: one test suite per project, one test case per
 * (project, rule). FAIL is a failure, NOT_AVAILABLE and ERROR are errors (the scan is incomplete),
 * NOT_RUN and NOT_APPLICABLE are skipped with their reason, WAIVED passes and is listed in the
 * suite's properties and system-out (the common schema allows neither inside a test case).
 */
public final class JunitReportWriter implements ReportWriter {
  public static final String FILE = "junit.xml";

  /** The common schema wants a local date-time without a zone; ours is always UTC. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  @Override
  public String format() {
    return "junit";
  }

  @Override
  public void write(ScanReport report, ReportOutput output) throws IOException {
    try (OutputStream out = output.open(FILE)) {
      XMLStreamWriter xml =
          XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      try {
        write(report, new SafeXml(xml));
        xml.flush();
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new IOException("could not write " + FILE + ": " + e.getMessage(), e);
    }
  }

  private static void write(ScanReport report, SafeXml xml) throws XMLStreamException {
    TestCaseText text = new TestCaseText(report.clauses());
    String timestamp = TIMESTAMP.format(report.startedAt());
    xml.startDocument();
    xml.start("testsuites");
    int id = 0;
    for (Map.Entry<String, List<Result>> project : byProject(report.results()).entrySet()) {
      writeSuite(xml, report, text, id++, timestamp, project.getKey(), project.getValue());
    }
    xml.newline(0);
    xml.end();
    xml.endDocument();
  }

  private static Map<String, List<Result>> byProject(List<Result> results) {
    Map<String, List<Result>> out = new LinkedHashMap<>();
    for (Result r : results) {
      out.computeIfAbsent(r.project(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private static void writeSuite(
      SafeXml xml,
      ScanReport report,
      TestCaseText text,
      int id,
      String timestamp,
      String project,
      List<Result> results)
      throws XMLStreamException {
    xml.newline(1);
    xml.start("testsuite");
    xml.attribute("package", "shipcheck");
    xml.attribute("id", Integer.toString(id));
    xml.attribute("name", TestCaseText.token(project));
    xml.attribute("timestamp", timestamp);
    xml.attribute("hostname", "localhost");
    xml.attribute("tests", Integer.toString(results.size()));
    xml.attribute("failures", Long.toString(count(results, Outcome.FAIL)));
    xml.attribute("errors", Long.toString(count(results, Outcome.ERROR, Outcome.NOT_AVAILABLE)));
    xml.attribute(
        "skipped", Long.toString(count(results, Outcome.NOT_RUN, Outcome.NOT_APPLICABLE)));
    xml.attribute("time", "0");
    writeProperties(xml, report, results);
    for (Result r : results) {
      writeCase(xml, text, r);
    }
    xml.newline(2);
    xml.element("system-out", text.waiverNotes(results));
    xml.newline(2);
    xml.element("system-err", "");
    xml.newline(1);
    xml.end();
  }

  private static long count(List<Result> results, Outcome... outcomes) {
    return results.stream().filter(r -> List.of(outcomes).contains(r.outcome())).count();
  }

  private static void writeProperties(SafeXml xml, ScanReport report, List<Result> results)
      throws XMLStreamException {
    xml.newline(2);
    xml.start("properties");
    property(xml, "shipcheck.version", report.tool().version());
    property(xml, "shipcheck.policy", report.policy().source());
    property(xml, "shipcheck.policy.sha256", report.policy().sha256());
    property(xml, "shipcheck.target", report.target().kind() + " " + report.target().name());
    for (Result r : results) {
      if (r.outcome() == Outcome.WAIVED && r.waiver().isPresent()) {
        AppliedWaiver w = r.waiver().get();
        property(xml, "shipcheck.waived." + r.ruleId(), TestCaseText.waiverSummary(w));
      }
    }
    xml.newline(2);
    xml.end();
  }

  private static void property(SafeXml xml, String name, String value) throws XMLStreamException {
    xml.newline(3);
    xml.empty("property");
    xml.attribute("name", name);
    xml.attribute("value", value);
  }

  private static void writeCase(SafeXml xml, TestCaseText text, Result r)
      throws XMLStreamException {
    xml.newline(2);
    xml.start("testcase");
    xml.attribute("name", TestCaseText.token(r.ruleId()));
    xml.attribute("classname", TestCaseText.token(r.project()));
    xml.attribute("time", "0");
    switch (r.outcome()) {
      case FAIL -> outcomeElement(xml, "failure", r.message(), r.severity().label(), text.body(r));
      case ERROR, NOT_AVAILABLE ->
          outcomeElement(xml, "error", r.message(), r.outcome().name(), text.body(r));
      case NOT_RUN, NOT_APPLICABLE ->
          outcomeElement(xml, "skipped", text.skipReason(r), r.outcome().name(), text.body(r));
      case PASS, WAIVED -> {
        // a test case without a child element passed
      }
    }
    xml.end();
  }

  private static void outcomeElement(
      SafeXml xml, String element, String message, String type, String body)
      throws XMLStreamException {
    xml.start(element);
    xml.attribute("message", message);
    xml.attribute("type", type);
    xml.characters(body);
    xml.end();
  }
}
