package dev.shipcheck.facts.github;

import dev.shipcheck.core.regex.LinearRegex;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitHub's branch patterns: Ruby's {@code File.fnmatch} with {@code FNM_PATHNAME}, as used by
 * classic branch protection rules and by rulesets' ref-name conditions. {@code *} and {@code ?}
 * never match {@code /}; {@code **}{@code /} matches zero or more whole directories; a {@code **}
 * not followed by {@code /} is an ordinary {@code *} (Ruby's rule, stricter than some users expect,
 * so protection is never assumed where GitHub would not apply it); {@code [...]} and {@code [!...]}
 * are character classes; {@code \} escapes. Matching is case-sensitive, like git ref names. The
 * patterns come from an API answer, so they are matched in linear time ({@link LinearRegex}).
 */
public final class RefPattern {
  private static final Map<String, LinearRegex> CACHE = new ConcurrentHashMap<>();

  private RefPattern() {}

  /** Whether {@code name} matches the fnmatch {@code pattern}. */
  public static boolean matches(String pattern, String name) {
    return CACHE.computeIfAbsent(pattern, RefPattern::compile).matchesWhole(name);
  }

  /** Whether the pattern has wildcards (a classic rule without them names one branch exactly). */
  public static boolean hasWildcards(String pattern) {
    return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
  }

  static LinearRegex compile(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    int n = glob.length();
    while (i < n) {
      char c = glob.charAt(i);
      if (c == '*') {
        boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
        if (i + 1 < n && glob.charAt(i + 1) == '*') {
          if (segmentStart && i + 2 < n && glob.charAt(i + 2) == '/') {
            re.append("(?:[^/]*/)*");
            i += 3;
            continue;
          }
          re.append("[^/]*");
          i += 2;
          continue;
        }
        re.append("[^/]*");
        i++;
      } else if (c == '?') {
        re.append("[^/]");
        i++;
      } else if (c == '[') {
        int close = classEnd(glob, i);
        if (close < 0) {
          re.append(literal('['));
          i++;
          continue;
        }
        re.append(characterClass(glob.substring(i + 1, close)));
        i = close + 1;
      } else if (c == '\\' && i + 1 < n) {
        re.append(literal(glob.charAt(i + 1)));
        i += 2;
      } else {
        re.append(literal(c));
        i++;
      }
    }
    return LinearRegex.compile(re.toString(), LinearRegex.Syntax.RE2);
  }

  private static String literal(char c) {
    return Character.isLetterOrDigit(c) || Character.isSurrogate(c)
        ? String.valueOf(c)
        : "\\x{" + Integer.toHexString(c) + "}";
  }

  private static int classEnd(String glob, int open) {
    int j = open + 1;
    if (j < glob.length() && (glob.charAt(j) == '!' || glob.charAt(j) == '^')) {
      j++;
    }
    if (j < glob.length() && glob.charAt(j) == ']') {
      j++;
    }
    while (j < glob.length()) {
      if (glob.charAt(j) == ']') {
        return j;
      }
      j++;
    }
    return -1;
  }

  /**
   * A class never matches {@code /}: a negated one lists it, and a plain one splits any range that
   * covers it (RE2 has no lookahead to say "not /").
   */
  private static String characterClass(String body) {
    boolean negate = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
    String members = negate ? body.substring(1) : body;
    StringBuilder out = new StringBuilder(negate ? "[^/" : "[");
    int n = members.length();
    boolean any = false;
    for (int k = 0; k < n; k++) {
      char lo = members.charAt(k);
      char hi = lo;
      if (k + 2 < n && members.charAt(k + 1) == '-') {
        hi = members.charAt(k + 2);
        k += 2;
      }
      if (negate) {
        out.append(range(lo, hi));
        any = true;
        continue;
      }
      if (lo < '/' && hi >= lo) {
        out.append(range(lo, (char) Math.min(hi, '/' - 1)));
        any = true;
      }
      if (hi > '/' && hi >= lo) {
        out.append(range((char) Math.max(lo, '/' + 1), hi));
        any = true;
      }
    }
    if (!any && !negate) {
      return "[^\\x{0}-\\x{10FFFF}]"; // only '/' (or an empty range): matches nothing
    }
    return out.append(']').toString();
  }

  private static String range(char lo, char hi) {
    String a = "\\x{" + Integer.toHexString(lo) + "}";
    return lo == hi ? a : a + "-\\x{" + Integer.toHexString(hi) + "}";
  }
}
