package dev.shipcheck.reports.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Outcome;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.report.Result;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.fixtures.reports.MemoryOutput;
import dev.shipcheck.fixtures.reports.SampleReports;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportWriterTest {
  private static final ClauseCatalog CLAUSES =
      ClauseCatalog.load(JunitReportWriterTest.class.getClassLoader());
  private static final ScanReport REPORT = SampleReports.hostile(CLAUSES);

  private static byte[] write(ScanReport report) throws Exception {
    MemoryOutput out = new MemoryOutput();
    new JunitReportWriter().write(report, out);
    assertThat(out.paths()).containsExactly("junit.xml");
    return out.bytes(JunitReportWriter.FILE);
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static Element testCase(Document doc, String project, String rule) {
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (e.getAttribute("classname").equals(project) && e.getAttribute("name").equals(rule)) {
        return e;
      }
    }
    throw new AssertionError("no test case " + project + " / " + rule);
  }

  private static Optional<Element> child(Element e) {
    NodeList kids = e.getChildNodes();
    for (int i = 0; i < kids.getLength(); i++) {
      if (kids.item(i) instanceof Element k) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  @Test
  void isValidAgainstTheCommonJunitSchema() throws Exception {
    var schema =
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(getClass().getResource("junit-common.xsd"));
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(write(REPORT))));
  }

  @Test
  void hasOneTestCasePerProjectAndRuleInOneSuitePerProject() throws Exception {
    Document doc = parse(write(REPORT));
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(REPORT.results().size());
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(4);
    Element hostile = (Element) suites.item(2);
    assertThat(hostile.getAttribute("name")).isEqualTo(SampleReports.HOSTILE_PROJECT);
    assertThat(hostile.getAttribute("timestamp")).isEqualTo("2026-05-04T02:00:13");
    assertThat(hostile.getAttribute("tests")).isEqualTo("14");
    assertThat(hostile.getAttribute("failures")).isEqualTo("2");
    assertThat(hostile.getAttribute("errors")).isEqualTo("1");
    assertThat(hostile.getAttribute("skipped")).isEqualTo("1");
  }

  @Test
  void mapsEveryOutcomeToItsJunitElement() throws Exception {
    Document doc = parse(write(REPORT));
    for (Result r : REPORT.results()) {
      Optional<Element> kid = child(testCase(doc, r.project(), r.ruleId()));
      String expected =
          switch (r.outcome()) {
            case FAIL -> "failure";
            case ERROR, NOT_AVAILABLE -> "error";
            case NOT_RUN, NOT_APPLICABLE -> "skipped";
            case PASS, WAIVED -> "none";
          };
      assertThat(kid.map(Element::getTagName).orElse("none"))
          .as("%s %s %s", r.project(), r.ruleId(), r.outcome())
          .isEqualTo(expected);
      kid.ifPresent(k -> assertThat(k.getAttribute("message")).isNotBlank());
    }
  }

  @Test
  void failureCarriesMessageEvidenceRemediationAndQuotedClause() throws Exception {
    Document doc = parse(write(REPORT));
    Element failure =
        child(testCase(doc, SampleReports.HOSTILE_PROJECT, "ProductionApprovalGate")).orElseThrow();
    assertThat(failure.getAttribute("type")).isEqualTo("critical");
    assertThat(failure.getAttribute("message")).contains("<svg onload=alert(5)>", "&amp; bad");
    assertThat(failure.getTextContent())
        .contains(SampleReports.HOSTILE_BRANCH, "<script>alert(3)</script>", "Remediation:")
        .contains(
            "DEPLOY-5.1 (Deployment Policy, Deployment Process / 5. Production Deployment Approval):"
                + " \"The Production branch is always protected with an approval mechanism within"
                + " Circle CI.\"");
  }

  @Test
  void skippedNotRunSaysHowToEnableAndWaivedPassesWithTheWaiverNoted() throws Exception {
    Document doc = parse(write(REPORT));
    Element skipped = child(testCase(doc, "acme/shop", "ProductionMonitored")).orElseThrow();
    assertThat(skipped.getAttribute("type")).isEqualTo("NOT_RUN");
    assertThat(skipped.getAttribute("message")).contains("not configured", "to enable: set the");

    Element suite = (Element) doc.getElementsByTagName("testsuite").item(1);
    assertThat(suite.getAttribute("name")).isEqualTo("acme/legacy-billing");
    assertThat(child(testCase(doc, "acme/legacy-billing", "DeploymentPackageLatest"))).isEmpty();
    List<String> properties = new ArrayList<>();
    NodeList props = suite.getElementsByTagName("property");
    for (int i = 0; i < props.getLength(); i++) {
      Element p = (Element) props.item(i);
      properties.add(p.getAttribute("name") + "=" + p.getAttribute("value"));
    }
    assertThat(properties)
        .contains(
            "shipcheck.waived.DeploymentPackageLatest=orb 3.x drops Node 16; migration planned"
                + " <iframe src=javascript:alert(7)> (approved by head-of-platform@acme.com,"
                + " expires 2027-01-31)");
    assertThat(suite.getElementsByTagName("system-out").item(0).getTextContent())
        .startsWith("WAIVED DeploymentPackageLatest: ");
  }

  @Test
  void showsCharactersXmlCannotHoldEscapedInsteadOfWritingAnUnreadableFile() throws Exception {
    Result r = REPORT.results().get(0);
    Result bad =
        new Result(
            "acme/ctrl\u0001name",
            r.ruleId(),
            Outcome.FAIL,
            r.severity(),
            r.clauses(),
            "bell \u0007, lone surrogate \uD800, emoji \uD83D\uDE80",
            r.evidence(),
            r.locations(),
            "",
            List.of(),
            Optional.empty(),
            r.fingerprint());
    ScanReport report =
        new ScanReport(
            REPORT.schemaVersion(),
            REPORT.tool(),
            REPORT.policy(),
            REPORT.target(),
            REPORT.startedAt(),
            REPORT.durationMillis(),
            REPORT.sources(),
            REPORT.apiRequests(),
            REPORT.metrics(),
            REPORT.rules(),
            REPORT.clauses(),
            List.of(bad),
            REPORT.notifications(),
            REPORT.waivers(),
            REPORT.summary());
    Document doc = parse(write(report));
    Element failure = child(testCase(doc, "acme/ctrl\\x01name", r.ruleId())).orElseThrow();
    assertThat(failure.getAttribute("message"))
        .isEqualTo("bell \\x07, lone surrogate \\ud800, emoji \uD83D\uDE80");
  }

  @Test
  void registersAsTheJunitFormat() {
    assertThat(new JunitReportWriter().format()).isEqualTo("junit");
  }
}
