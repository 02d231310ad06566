package dev.shipcheck.facts.github;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * GitHub's branch patterns: Ruby's {@code File.fnmatch} with {@code FNM_PATHNAME}, as used by
 * classic branch protection rules and by rulesets' ref-name conditions. {@code *} and {@code ?}
 * never match {@code /}; {@code **}{@code /} matches zero or more whole directories; a {@code **}
 * not followed by {@code /} is an ordinary {@code *} (Ruby's rule, stricter than some users expect,
 * so protection is never assumed where GitHub would not apply it); {@code [...]} and {@code [!...]}
 * are character classes; {@code \} escapes. Matching is case-sensitive, like git ref names.
 */
public final class RefPattern {
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private RefPattern() {}

  /** Whether {@code name} matches the fnmatch {@code pattern}. */
  public static boolean matches(String pattern, String name) {
    return CACHE.computeIfAbsent(pattern, RefPattern::compile).matcher(name).matches();
  }

  /** Whether the pattern has wildcards (a classic rule without them names one branch exactly). */
  public static boolean hasWildcards(String pattern) {
    return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
  }

  static Pattern compile(String glob) {
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
          re.append(Pattern.quote("["));
          i++;
          continue;
        }
        re.append(characterClass(glob.substring(i + 1, close)));
        i = close + 1;
      } else if (c == '\\' && i + 1 < n) {
        re.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
        i += 2;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return Pattern.compile(re.toString());
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

  private static String characterClass(String body) {
    boolean negate = !body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^');
    String members = negate ? body.substring(1) : body;
    StringBuilder out = new StringBuilder(negate ? "[^/" : "(?!/)[");
    for (char m : members.toCharArray()) {
      if (m == '-') {
        out.append('-');
      } else if (Character.isLetterOrDigit(m)) {
        out.append(m);
      } else {
        out.append('\\').append(m);
      }
    }
    return out.append(']').toString();
  }
}
