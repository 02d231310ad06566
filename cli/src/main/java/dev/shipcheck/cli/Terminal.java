package dev.shipcheck.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * The process's outside world as commands see it: output streams, environment, clock. Text that
 * came from a repository is printed through {@link #clean}, so a branch name cannot smuggle
 * terminal escape sequences onto the user's screen.
 */
record Terminal(
    PrintStream out, PrintStream err, Map<String, String> env, Clock clock, boolean interactive) {

  static Terminal system() {
    return new Terminal(
        System.out, System.err, System.getenv(), Clock.systemUTC(), System.console() != null);
  }

  /** Replaces control characters (ESC, BEL, ...) except tab and newline. */
  static String clean(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? '\uFFFD' : c);
    }
    return sb.toString();
  }
}
