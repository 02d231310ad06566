package dev.shipcheck.core.regex;

/**
 * Reads an RE2-syntax pattern far enough to hold it to {@link LinearRegex}'s limits (nesting,
 * nested repetition, size); RE2/J checks the syntax itself.
 */
final class Re2Limits {
  private Re2Limits() {}

  /** Returns the pattern unchanged, or throws {@link RegexRefused} past a limit. */
  static String check(String p) {
    Shape shape = new Shape(p);
    int i = 0;
    int n = p.length();
    while (i < n) {
      char c = p.charAt(i);
      switch (c) {
        case '\\' -> {
          i = escape(p, i);
          shape.atom(1);
          continue;
        }
        case '[' -> {
          i = classEnd(p, i);
          shape.atom(1);
          continue;
        }
        case '(' -> shape.open(i);
        case ')' -> shape.close();
        case '|' -> shape.alternate();
        case '*', '+', '?' -> shape.repeat(1, false, i);
        case '{' -> {
          int close = p.indexOf('}', i);
          long copies = close < 0 ? -1 : copies(p.substring(i + 1, close));
          if (copies < 0) {
            shape.atom(1); // a literal '{', as RE2 reads one that starts no repetition
          } else {
            shape.repeat(copies, true, i);
            i = close + 1;
            continue;
          }
        }
        default -> shape.atom(1);
      }
      i++;
    }
    return p;
  }

  /** Copies made by a repetition body such as {@code 2,5}, or -1 when it is not one. */
  static long copies(String body) {
    int comma = body.indexOf(',');
    String min = comma < 0 ? body : body.substring(0, comma);
    String max = comma < 0 ? body : body.substring(comma + 1);
    if (!digits(min) || !(max.isEmpty() || digits(max))) {
      return -1;
    }
    String bound = max.isEmpty() ? min : max;
    return bound.length() > 9 ? Long.MAX_VALUE / 4 : Long.parseLong(bound);
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int escape(String p, int i) {
    if (i + 1 >= p.length()) {
      return i + 1;
    }
    char e = p.charAt(i + 1);
    if (e == 'Q') {
      int end = p.indexOf("\\E", i + 2);
      return end < 0 ? p.length() : end + 2;
    }
    if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < p.length() && p.charAt(i + 2) == '{') {
      int end = p.indexOf('}', i + 3);
      return end < 0 ? p.length() : end + 1;
    }
    return i + 2;
  }

  /** The index after the character class opening at {@code open}. */
  private static int classEnd(String p, int open) {
    int i = open + 1;
    if (i < p.length() && p.charAt(i) == '^') {
      i++;
    }
    if (i < p.length() && p.charAt(i) == ']') {
      i++; // a leading ']' is a member
    }
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '\\') {
        i = escape(p, i);
      } else if (c == '[' && p.startsWith("[:", i)) {
        int end = p.indexOf(":]", i + 2);
        i = end < 0 ? i + 1 : end + 2;
      } else if (c == ']') {
        return i + 1;
      } else {
        i++;
      }
    }
    return p.length();
  }
}
