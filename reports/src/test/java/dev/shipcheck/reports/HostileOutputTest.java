package dev.shipcheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.fixtures.reports.HostileNames;
import dev.shipcheck.fixtures.reports.MemoryOutput;
import dev.shipcheck.reports.html.HtmlReportWriter;
import dev.shipcheck.reports.json.JsonReportWriter;
import dev.shipcheck.reports.junit.JunitReportWriter;
import dev.shipcheck.reports.markdown.MarkdownSummaryWriter;
import dev.shipcheck.reports.sarif.SarifWriter;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every report format, written from a report whose names carry a fake verdict line, terminal
 * escapes, bidi controls, mentions, raw HTML, Markdown table breakers and XML-invalid characters:
 * each format shows them as text and lets none of them act.
 */
class HostileOutputTest {
  private static final ScanReport REPORT =
      HostileNames.report(ClauseCatalog.load(HostileOutputTest.class.getClassLoader()));
  private static final Pattern BIDI =
      Pattern.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]");

  /** C0 controls except line feed, DEL and C1 controls: never raw in any file. */
  private static final Pattern RAW_CONTROL =
      Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\u2028\u2029]");

  private static String write(dev.shipcheck.core.report.ReportWriter w, String file)
      throws Exception {
    MemoryOutput out = new MemoryOutput();
    w.write(REPORT, out);
    return out.text(file);
  }

  @Test
  void summaryMarkdownShowsEveryNameAsTextAndPingsNobody() throws Exception {
    String md = MarkdownSummaryWriter.render(REPORT);
    assertThat(BIDI.matcher(md).find()).as("raw bidi control").isFalse();
    assertThat(RAW_CONTROL.matcher(md).find()).as("raw control character").isFalse();
    assertThat(md).contains("&lt;U+202E&gt;", "&lt;U+2066&gt;", "\\x1b", "\\x07", "\\x08");
    assertThat(md).contains("\\u009b", "\\r", "\\x7f");
    assertThat(md.lines()).noneMatch(l -> l.startsWith("Result:"));
    assertThat(md).contains("deploy\\nResult: compliant");
    assertThat(md).doesNotContain("<script", "<img").contains("&lt;script&gt;");
    // &amp; written by the attacker stays visible as "&amp;", not as "&"
    assertThat(md).contains("&amp;amp;");
    assertThat(md).contains("`@acme/platform-team`", "`@octocat`", "`#12`", "ops@acme.com");
    Matcher bareMention = Pattern.compile("(?<![`\\w])@(acme|octocat)").matcher(md);
    assertThat(bareMention.find()).as("a mention outside a code span").isFalse();
    assertThat(md).contains("\\*\\*bold\\*\\*", "\\[x\\]", "!\\[i\\]", "\\~\\~s\\~\\~", "\\$x\\$");
    assertThat(md)
        .contains("(`https://evil.example)`", "`https://evil.example/login`")
        .contains("`www.evil.example`")
        .doesNotContain(" https://evil", " www.evil");
    for (String row : md.lines().filter(l -> l.startsWith("| high")).toList()) {
      assertThat(unescapedPipes(row)).as(row).isEqualTo(5);
    }
  }

  /** The pipes that delimit cells: not escaped, not inside a code span. */
  private static int unescapedPipes(String row) {
    int n = 0;
    boolean code = false;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '`') {
        code = !code;
      } else if (c == '|' && !code) {
        n++;
      }
    }
    return n;
  }

  @Test
  void junitXmlParsesAndShowsControlsSurrogatesAndBidiEscaped() throws Exception {
    String xml = write(new JunitReportWriter(), JunitReportWriter.FILE);
    assertThat(BIDI.matcher(xml).find()).isFalse();
    assertThat(RAW_CONTROL.matcher(xml.replace("\r", "")).find()).isFalse();
    assertThat(xml).doesNotContain("\uFFFE", "\uFFFF");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    NodeList failures = doc.getElementsByTagName("failure");
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < failures.getLength(); i++) {
      messages.add(((Element) failures.item(i)).getAttribute("message"));
    }
    assertThat(messages).hasSize(HostileNames.ALL.size());
    assertThat(messages).allMatch(m -> !m.contains("\n"));
    assertThat(String.join(" ", messages))
        .contains("deploy\\nResult: compliant", "<U+202E>", "\\x1b[2J", "\\ud800", "\\udfff")
        .contains("\\ufffe", "\\uffff", "<script>alert(1)</script>");
  }

  @Test
  void sarifIsValidJsonWithBidiShownInMessagesAndNamesKeptExact() throws Exception {
    String sarif = write(new SarifWriter(), SarifWriter.FILE);
    assertThat(BIDI.matcher(sarif).find()).as("raw bidi control in the file").isFalse();
    assertThat(RAW_CONTROL.matcher(sarif).find()).isFalse();
    JsonNode run = Json.mapper().readTree(sarif).path("runs").get(0);
    List<String> texts = new ArrayList<>();
    run.path("results").forEach(r -> texts.add(r.path("message").path("text").asText()));
    assertThat(texts).hasSize(HostileNames.ALL.size());
    assertThat(texts).noneMatch(t -> BIDI.matcher(t).find());
    assertThat(String.join(" ", texts)).contains("<U+202E>", "<U+2069>");
    assertThat(run.path("results").get(0).path("properties").path("project").asText())
        .isEqualTo(REPORT.results().get(0).project());
  }

  @Test
  void shipcheckJsonEscapesInvisibleCharactersAndReadsBackExactly() throws Exception {
    String json = write(new JsonReportWriter(), JsonReportWriter.FILE);
    assertThat(BIDI.matcher(json).find()).isFalse();
    assertThat(RAW_CONTROL.matcher(json).find()).isFalse();
    assertThat(json).contains("\\u202e", "\\u009b", "\\u001B", "\\u007F", "\\uD800");
    ScanReport back =
        JsonReportWriter.read(
            new ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(back.results()).isEqualTo(REPORT.results());
    assertThat(back.target()).isEqualTo(REPORT.target());
  }

  @Test
  void reportHtmlShowsBidiControlsByNameInMarkupAndInTheScriptData() throws Exception {
    String html = write(new HtmlReportWriter(), HtmlReportWriter.FILE);
    assertThat(BIDI.matcher(html).find()).as("raw bidi control").isFalse();
    assertThat(html).contains("&lt;U+202E&gt;").contains("\\u003cU+202E\\u003e");
    assertThat(html).doesNotContain("<script>alert(1)", "<img src=x");
  }
}
