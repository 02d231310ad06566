package dev.shipcheck.cli;

import dev.shipcheck.reports.text.VisibleText;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * The process's outside world as commands see it: output streams, environment, clock. Text that
 * came from a repository or an API is printed through {@link #clean}, so a branch or job name can
 * neither smuggle terminal escape sequences onto the user's screen nor print a line of its own (a
 * fake {@code Result: compliant — exit 0}), and bidi controls show as {@code <U+202E>}.
 */
record Terminal(
    PrintStream out, PrintStream err, Map<String, String> env, Clock clock, boolean interactive) {

  static Terminal system() {
    return new Terminal(
        System.out, System.err, System.getenv(), Clock.systemUTC(), System.console() != null);
  }

  /**
   * One console line: newlines, ESC, BEL and every other control character escaped ({@code \n},
   * {@code \x1b}), bidi controls named ({@link VisibleText#oneLine}).
   */
  static String clean(String s) {
    return VisibleText.oneLine(s);
  }

  /** Text of several lines, each {@link #clean}ed: only our own line breaks remain. */
  static String cleanLines(String s) {
    return VisibleText.multiLine(s);
  }
}
