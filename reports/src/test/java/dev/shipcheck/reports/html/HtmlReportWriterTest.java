package dev.shipcheck.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipcheck.fixtures.reports.SampleHistory;
import dev.shipcheck.fixtures.reports.SampleReports;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {
  private static final String HTML = Reports.html(Reports.hostile());

  @Test
  void registersAsTheHtmlFormatWritingReportHtml() {
    assertThat(new HtmlReportWriter().format()).isEqualTo("html");
    assertThat(HtmlReportWriter.FILE).isEqualTo("report.html");
  }

  @Test
  void contentSecurityPolicyAllowsExactlyTheInlineScriptAndStyleByHash() throws Exception {
    Matcher csp =
        Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")
            .matcher(HTML);
    assertThat(csp.find()).isTrue();
    String policy = csp.group(1).replace("&#39;", "'");
    assertThat(policy)
        .startsWith("default-src 'none'; ")
        .contains("base-uri 'none'", "require-trusted-types-for 'script'");
    List<String> inline = inlineBodies("script", HTML);
    assertThat(inline).hasSize(1);
    assertThat(policy).contains("script-src 'sha256-" + sha256(inline.get(0)) + "'");
    List<String> styles = inlineBodies("style", HTML);
    assertThat(styles).hasSize(1);
    assertThat(policy).contains("style-src 'sha256-" + sha256(styles.get(0)) + "'");
    assertThat(csp.start()).isLessThan(HTML.indexOf("<style>"));
  }

  @Test
  void referencesNothingOutsideTheFile() {
    loadsNothing(HTML);
    assertThat(HTML).doesNotContainPattern("(?i)href=\"(?!#)");
  }

  @Test
  void withHistoryLinksOnlyTheSavedReportsOfPastRunsAndStillLoadsNothing() {
    String html = Reports.html(Reports.hostileWithHistory(6), Optional.of(Reports.HISTORY_BASE));
    loadsNothing(html);
    Matcher links = Pattern.compile("<([a-z]+)[^<>]*\\shref=\"(?!#)([^\"]*)\"").matcher(html);
    List<String> hrefs = new ArrayList<>();
    while (links.find()) {
      assertThat(links.group(1)).isEqualTo("a");
      hrefs.add(links.group(2));
    }
    assertThat(hrefs).containsExactly("../history/runs/000101.json", "../history/runs/000104.json");
    assertThat(html)
        .doesNotContain(SampleHistory.HOSTILE_ACTOR, "<script>alert(11)", "href=\"javascript")
        .contains(
            "mallory\"&gt;&lt;img src=x onerror=alert(9)&gt;&lt;/td&gt;",
            "javascript:alert(10) (not linked: not a plain relative path)",
            "../../etc/passwd (not linked",
            "acme/&lt;b&gt;old-shop&lt;/b&gt;");
  }

  private static void loadsNothing(String html) {
    assertThat(html)
        .doesNotContainPattern("(?i)<(img|link|iframe|object|embed|audio|video|source)\\b");
    assertThat(html).doesNotContainPattern("(?i)<[a-z]+[^<>]*\\s(src|srcset|action|poster)=");
    assertThat(html).doesNotContainPattern("(?i)url\\(");
    assertThat(html).doesNotContainPattern("(?i)@import");
  }

  @Test
  void hostileNamesAreEscapedInMarkupAndInTheDataBlock() throws Exception {
    assertThat(HTML).doesNotContain("<img src=x", "<svg onload", "<script>alert", "<iframe");
    assertThat(HTML).contains("acme/&lt;img src=x onerror=alert(1)&gt;");
    assertThat(HTML).contains("acme\"&gt;&lt;script&gt;alert(6)&lt;/script&gt;");
    String json = dataBlock(HTML);
    assertThat(json).doesNotContain("<", ">", "&", "\u2028");
    JsonNode data = new ObjectMapper().readTree(json);
    List<String> strings = new ArrayList<>();
    data.get("strings").forEach(s -> strings.add(s.asText()));
    assertThat(strings).contains(SampleReports.HOSTILE_EXCERPT, SampleReports.HOSTILE_BRANCH);
    assertThat(json.toLowerCase(java.util.Locale.ROOT))
        .contains("acme/\\u003cimg src=x onerror=alert(1)\\u003e", "\\u2028");
  }

  @Test
  void scriptNeverInsertsMarkupFromStrings() {
    String script = inlineBodies("script", HTML).get(0);
    assertThat(script)
        .doesNotContain(
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function");
  }

  static String dataBlock(String html) {
    String open = "<script type=\"application/json\" id=\"shipcheck-data\">";
    int start = html.indexOf(open) + open.length();
    return html.substring(start, html.indexOf("</script>", start));
  }

  /** Bodies of elements without attributes, e.g. {@code <script>...</script>}. */
  static List<String> inlineBodies(String tag, String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String sha256(String s) throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
