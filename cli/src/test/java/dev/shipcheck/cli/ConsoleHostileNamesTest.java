package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.outcome.Severity;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.fixtures.reports.HostileNames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsoleHostileNamesTest {
  @Test
  void aNameCannotPrintALineOfItsOwnNorAnEscapeSequenceNorReorderText() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Terminal t =
        new Terminal(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Map.of(),
            CliRun.CLOCK,
            false);
    new ConsoleSummary(t, false)
        .print(
            HostileNames.report(ClauseCatalog.load(getClass().getClassLoader())),
            List.of(),
            1,
            Severity.LOW);
    String out = bytes.toString(StandardCharsets.UTF_8);
    List<String> lines = out.lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("Result:"))).hasSize(1);
    assertThat(lines.get(lines.size() - 1)).startsWith("Result: ").endsWith("exit 1");
    assertThat(Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]").matcher(out).find())
        .isFalse();
    assertThat(
            Pattern.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]").matcher(out).find())
        .isFalse();
    assertThat(out)
        .contains("deploy\\nResult: compliant — exit 0", "esc\\x1b[2J\\x1b]0;owned\\x07")
        .contains("bs\\x08\\x08\\x08 cr\\rdel\\x7f csi\\u009b31m", "access<U+202E><U+2066>")
        .contains("lone\\ud800 low\\udfff");
  }

  @Test
  void cleanKeepsOnlyOurOwnLineBreaksInMultiLineText() {
    assertThat(Terminal.cleanLines("a\u001b[1m\nb\r\u202e\n"))
        .isEqualTo("a\\x1b[1m\nb\\r<U+202E>\n");
    assertThat(Terminal.clean("x\ny\tz")).isEqualTo("x\\ny\\tz");
  }
}
