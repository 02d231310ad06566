package dev.shipcheck.core.regex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * Translates a {@code java.util.regex} pattern into an RE2 pattern that matches the same strings,
 * or refuses it. The pattern is first compiled by {@code java.util.regex} (compiling does not
 * backtrack), so syntax errors are reported as Java reports them and the translation reads only
 * valid patterns.
 *
 * <p>Where Java and RE2 read the same text differently, the translation writes out Java's meaning:
 * {@code .} excludes every Java line terminator, {@code \s} includes the vertical tab, {@code \v}
 * and {@code \h} are Java's vertical and horizontal whitespace, {@code \R} a line break, the POSIX
 * {@code \p{Alpha}} family ASCII classes, and Java's default case-insensitive matching folds ASCII
 * letters only (Unicode case with {@code (?u)}). Refused: backreferences, lookahead and lookbehind,
 * atomic groups, possessive quantifiers, {@code \G}, {@code \Z}, {@code \X}, {@code \b{g}}, Unicode
 * blocks and {@code java*} properties, nested classes and class intersections, and {@code (?U)}.
 *
 * <p>One difference stays, documented where patterns are read: in multi-line mode {@code ^} and
 * {@code $} see only {@code \n} as a line end (Java also {@code \r}, U+0085, U+2028, U+2029), and
 * {@code ^} also matches after a final {@code \n}; without multi-line mode {@code $} matches only
 * at the very end (Java also before a final line terminator).
 */
final class JavaToRe2 {
  private static final int[][] SPACE = {{0x9, 0xD}, {0x20, 0x20}};
  private static final int[][] HSPACE = {
    {0x9, 0x9},
    {0x20, 0x20},
    {0xA0, 0xA0},
    {0x1680, 0x1680},
    {0x180E, 0x180E},
    {0x2000, 0x200A},
    {0x202F, 0x202F},
    {0x205F, 0x205F},
    {0x3000, 0x3000}
  };
  private static final int[][] VSPACE = {{0xA, 0xD}, {0x85, 0x85}, {0x2028, 0x2029}};
  private static final int[][] DIGIT = {{'0', '9'}};
  private static final int[][] WORD = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
  private static final Map<String, int[][]> POSIX =
      Map.ofEntries(
          Map.entry("Lower", new int[][] {{'a', 'z'}}),
          Map.entry("Upper", new int[][] {{'A', 'Z'}}),
          Map.entry("ASCII", new int[][] {{0, 0x7F}}),
          Map.entry("Alpha", new int[][] {{'A', 'Z'}, {'a', 'z'}}),
          Map.entry("Digit", DIGIT),
          Map.entry("Alnum", new int[][] {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}}),
          Map.entry("Punct", new int[][] {{0x21, 0x2F}, {0x3A, 0x40}, {0x5B, 0x60}, {0x7B, 0x7E}}),
          Map.entry("Graph", new int[][] {{0x21, 0x7E}}),
          Map.entry("Print", new int[][] {{0x20, 0x7E}}),
          Map.entry("Blank", new int[][] {{0x9, 0x9}, {0x20, 0x20}}),
          Map.entry("Cntrl", new int[][] {{0, 0x1F}, {0x7F, 0x7F}}),
          Map.entry("XDigit", new int[][] {{'0', '9'}, {'A', 'F'}, {'a', 'f'}}),
          Map.entry("Space", SPACE));

  /** Flags in force: Java's i, u, m, s, d, x. */
  private record Flags(boolean i, boolean u, boolean m, boolean s, boolean d, boolean x) {}

  private final String p;
  private final StringBuilder out = new StringBuilder();
  private final Deque<Flags> saved = new ArrayDeque<>();
  private final Shape shape;
  private Flags f;
  private int i;

  private JavaToRe2(String p, Flags f) {
    this.p = p;
    this.f = f;
    this.shape = new Shape(p);
  }

  static String translate(String pattern, boolean multiline, boolean caseInsensitive) {
    if (pattern.length() > LinearRegex.MAX_JAVA_LENGTH) {
      // java.util.regex compiles a long literal run in quadratic time: checked before it reads it.
      throw new RegexRefused(
          pattern,
          RegexRefused.Kind.TOO_COMPLEX,
          "is longer than " + LinearRegex.MAX_JAVA_LENGTH + " characters",
          LinearRegex.MAX_JAVA_LENGTH);
    }
    guardNesting(pattern);
    int javaFlags =
        (multiline ? java.util.regex.Pattern.MULTILINE : 0)
            | (caseInsensitive
                ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE
                : 0);
    try {
      java.util.regex.Pattern.compile(pattern, javaFlags);
    } catch (PatternSyntaxException e) {
      throw new RegexRefused(
          pattern,
          RegexRefused.Kind.INVALID,
          "is not a valid regular expression: " + e.getDescription(),
          e.getIndex());
    } catch (StackOverflowError e) {
      throw new RegexRefused(pattern, RegexRefused.Kind.TOO_COMPLEX, "is nested too deeply", -1);
    }
    JavaToRe2 t =
        new JavaToRe2(
            pattern, new Flags(caseInsensitive, caseInsensitive, multiline, false, false, false));
    t.run();
    return t.out.toString();
  }

  /**
   * Refuses deep nesting before {@code java.util.regex} compiles, which recurses per group. Counts
   * every unescaped parenthesis outside classes, an upper bound of the real depth.
   */
  private static void guardNesting(String p) {
    int depth = 0;
    boolean inClass = false;
    for (int k = 0; k < p.length(); k++) {
      char c = p.charAt(k);
      if (c == '\\') {
        k++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(' && ++depth > LinearRegex.MAX_NESTING) {
        throw new RegexRefused(
            p,
            RegexRefused.Kind.TOO_COMPLEX,
            "nests groups more than " + LinearRegex.MAX_NESTING + " deep",
            k);
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      }
    }
  }

  private RegexRefused unsupported(String what, int at) {
    return new RegexRefused(
        p,
        RegexRefused.Kind.UNSUPPORTED,
        "uses " + what + ", which only a backtracking matcher supports",
        at);
  }

  private RegexRefused javaOnly(String what, int at) {
    return new RegexRefused(
        p, RegexRefused.Kind.UNSUPPORTED, "uses " + what + ", which has no RE2 equivalent", at);
  }

  private void run() {
    while (i < p.length()) {
      int c = p.codePointAt(i);
      if (f.x() && skipComment(c)) {
        continue;
      }
      int at = i;
      i += Character.charCount(c);
      switch (c) {
        case '\\' -> escape(at);
        case '[' -> emitAtom(characterClass(), 1);
        case '(' -> open(at);
        case ')' -> close();
        case '|' -> {
          out.append('|');
          shape.alternate();
        }
        case '*', '+', '?' -> quantifier(String.valueOf((char) c), 1, false, at);
        case '{' -> counted(at);
        case '.' -> emitAtom(dot(), 1);
        case '^' -> emitAtom(f.m() ? "(?m:^)" : "^", 1);
        case '$' -> emitAtom(f.m() ? "(?m:$)" : "$", 1);
        default -> literal(c);
      }
    }
    shape.end();
  }

  /** In comments mode: skips whitespace and {@code #} comments; true when it skipped. */
  private boolean skipComment(int c) {
    if (Character.isWhitespace(c)) {
      i += Character.charCount(c);
      return true;
    }
    if (c == '#') {
      while (i < p.length() && !isLineTerminator(p.charAt(i))) {
        i++;
      }
      return true;
    }
    return false;
  }

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private String dot() {
    if (f.s()) {
      return "(?s:.)";
    }
    return f.d() ? "[^\\n]" : "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]";
  }

  private void emitAtom(String re2, long size) {
    out.append(re2);
    shape.atom(size);
  }

  private void literal(int c) {
    emitAtom(literalText(c), 1);
  }

  /** A literal code point under the current flags. */
  private String literalText(int c) {
    if (f.i() && !f.u() && isAsciiLetter(c)) {
      return "[" + (char) Character.toLowerCase(c) + (char) Character.toUpperCase(c) + "]";
    }
    if (f.i() && f.u() && Character.isLetter(c)) {
      return "(?i:" + escaped(c) + ")";
    }
    return escaped(c);
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String escaped(int c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
      return String.valueOf((char) c);
    }
    return "\\x{" + Integer.toHexString(c).toUpperCase(Locale.ROOT) + "}";
  }

  private void open(int at) {
    Flags outer = f;
    if (i < p.length() && p.charAt(i) == '?') {
      i++;
      char k = i < p.length() ? p.charAt(i) : ')';
      switch (k) {
        case ':' -> i++;
        case '=', '!' -> throw unsupported("a lookahead '(?" + k + "'", at);
        case '>' -> throw unsupported("an atomic group '(?>'", at);
        case '<' -> {
          char next = i + 1 < p.length() ? p.charAt(i + 1) : ')';
          if (next == '=' || next == '!') {
            throw unsupported("a lookbehind '(?<" + next + "'", at);
          }
          i = p.indexOf('>', i) + 1; // a named group; RE2 needs no name to match
        }
        default -> {
          Flags changed = flags(at);
          if (i < p.length() && p.charAt(i) == ')') {
            i++;
            f = changed; // (?i) holds to the end of the enclosing group
            return;
          }
          i++; // ':'
          saved.push(outer);
          f = changed;
          out.append("(?:");
          shape.open(at);
          return;
        }
      }
    }
    saved.push(outer);
    out.append("(?:");
    shape.open(at);
  }

  /** Reads inline flags such as {@code i-m} at {@link #i}, up to the {@code )} or {@code :}. */
  private Flags flags(int at) {
    boolean on = true;
    boolean fi = f.i();
    boolean fu = f.u();
    boolean fm = f.m();
    boolean fs = f.s();
    boolean fd = f.d();
    boolean fx = f.x();
    while (i < p.length() && p.charAt(i) != ')' && p.charAt(i) != ':') {
      char k = p.charAt(i++);
      switch (k) {
        case '-' -> on = false;
        case 'i' -> fi = on;
        case 'u' -> fu = on;
        case 'm' -> fm = on;
        case 's' -> fs = on;
        case 'd' -> fd = on;
        case 'x' -> fx = on;
        case 'U' -> {
          if (on) {
            throw javaOnly("the flag (?U) (Unicode character classes)", at);
          }
        }
        default -> throw javaOnly("the flag '" + k + "'", at);
      }
    }
    return new Flags(fi, fu, fm, fs, fd, fx);
  }

  private void close() {
    out.append(')');
    f = saved.isEmpty() ? f : saved.pop();
    shape.close();
  }

  private void quantifier(String text, long copies, boolean counted, int at) {
    out.append(text);
    if (i < p.length() && p.charAt(i) == '+') {
      throw unsupported("a possessive quantifier '" + text + "+'", at);
    }
    if (i < p.length() && p.charAt(i) == '?') {
      out.append('?');
      i++;
    }
    shape.repeat(copies, counted, at);
  }

  private void counted(int at) {
    int close = p.indexOf('}', i);
    String body = p.substring(i, close).replace(" ", "");
    i = close + 1;
    long copies = Re2Limits.copies(body);
    int comma = body.indexOf(',');
    String min = comma < 0 ? body : body.substring(0, comma);
    String max = comma < 0 ? "" : body.substring(comma + 1);
    if (min.length() > 4 || max.length() > 4 || copies > LinearRegex.MAX_REPEAT) {
      throw new RegexRefused(
          p,
          RegexRefused.Kind.TOO_COMPLEX,
          "repeats to more than " + LinearRegex.MAX_REPEAT + " copies",
          at);
    }
    quantifier("{" + body + "}", copies, true, at);
  }

  private void escape(int at) {
    int e = p.codePointAt(i);
    i += Character.charCount(e);
    switch (e) {
      case 'Q' -> quoted();
      case 'd', 'D', 'w', 'W', 's', 'S', 'h', 'H', 'v', 'V' ->
          emitAtom(classOf(ranges(e), Character.isUpperCase(e)), 1);
      case 'p', 'P' -> emitAtom(property(e == 'P', at, false), 1);
      case 'R' -> emitAtom("(?:\\x{D}\\x{A}|[\\x{A}-\\x{D}\\x{85}\\x{2028}\\x{2029}])", 3);
      case 'b' -> {
        if (p.startsWith("{g}", i)) {
          throw javaOnly("a grapheme boundary \\b{g}", at);
        }
        emitAtom("\\b", 1);
      }
      case 'B' -> emitAtom("\\B", 1);
      case 'A' -> emitAtom("\\A", 1);
      case 'z' -> emitAtom("\\z", 1);
      case 'Z' -> throw javaOnly("\\Z (end of input before a final line terminator)", at);
      case 'G' -> throw javaOnly("\\G (end of the previous match)", at);
      case 'X' -> throw javaOnly("\\X (a grapheme cluster)", at);
      case 'k' -> throw unsupported("a backreference \\k<...>", at);
      default -> {
        if (e >= '1' && e <= '9') {
          throw unsupported("a backreference \\" + (char) e, at);
        }
        literal(escapedChar(e, at));
      }
    }
  }

  /**
   * The code point an escape other than a class or assertion stands for ({@code \t}, {@code \x41}).
   */
  private int escapedChar(int e, int at) {
    switch (e) {
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      case 'a':
        return 7;
      case 'e':
        return 27;
      case 'c':
        return p.charAt(i++) ^ 64;
      case '0':
        return octal();
      case 'x':
        return hex(p.startsWith("{", i) ? -1 : 2);
      case 'u':
        return unicode();
      case 'N':
        int end = p.indexOf('}', i);
        String name = p.substring(i + 1, end);
        i = end + 1;
        return Character.codePointOf(name);
      default:
        if (Character.isLetterOrDigit(e)) {
          throw javaOnly("the escape \\" + Character.toString(e), at);
        }
        return e;
    }
  }

  private int octal() {
    int v = 0;
    int digits = 0;
    int max = i < p.length() && p.charAt(i) <= '3' ? 3 : 2;
    while (digits < max && i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '7') {
      v = v * 8 + (p.charAt(i++) - '0');
      digits++;
    }
    return v;
  }

  private int hex(int digits) {
    if (digits < 0) {
      int end = p.indexOf('}', i);
      int v = Integer.parseInt(p.substring(i + 1, end), 16);
      i = end + 1;
      return v;
    }
    int v = Integer.parseInt(p.substring(i, i + digits), 16);
    i += digits;
    return v;
  }

  private int unicode() {
    int v = hex(4);
    if (Character.isHighSurrogate((char) v) && p.startsWith("\\u", i)) {
      int low = Integer.parseInt(p.substring(i + 2, i + 6), 16);
      if (Character.isLowSurrogate((char) low)) {
        i += 6;
        return Character.toCodePoint((char) v, (char) low);
      }
    }
    return v;
  }

  /** {@code \Q...\E}: every character literal. */
  private void quoted() {
    int end = p.indexOf("\\E", i);
    int stop = end < 0 ? p.length() : end;
    while (i < stop) {
      int c = p.codePointAt(i);
      i += Character.charCount(c);
      literal(c);
    }
    i = end < 0 ? p.length() : end + 2;
  }

  private static int[][] ranges(int e) {
    return switch (Character.toLowerCase(e)) {
      case 'd' -> DIGIT;
      case 'w' -> WORD;
      case 's' -> SPACE;
      case 'h' -> HSPACE;
      default -> VSPACE;
    };
  }

  /** A class over {@code ranges}, or its complement, as an RE2 bracket expression. */
  private static String classOf(int[][] ranges, boolean negated) {
    return "[" + (negated ? "^" : "") + members(ranges) + "]";
  }

  private static String members(int[][] ranges) {
    StringBuilder sb = new StringBuilder();
    for (int[] r : ranges) {
      sb.append(escaped(r[0]));
      if (r[1] != r[0]) {
        sb.append('-').append(escaped(r[1]));
      }
    }
    return sb.toString();
  }

  /**
   * {@code \p{...}} or {@code \P{...}} at {@link #i} (after the letter): POSIX names become ASCII
   * classes as in Java; general categories and scripts keep their name; blocks and {@code java*}
   * properties are refused. Inside a class, returns members only.
   */
  private String property(boolean negated, int at, boolean member) {
    String name;
    if (p.startsWith("{", i)) {
      int end = p.indexOf('}', i);
      name = p.substring(i + 1, end);
      i = end + 1;
    } else {
      name = String.valueOf(p.charAt(i++));
    }
    if (f.i()) {
      throw javaOnly("a property \\p{" + name + "} under case-insensitive matching", at);
    }
    int[][] posix = POSIX.get(name);
    if (posix != null) {
      if (member) {
        return members(negated ? complement(posix) : posix);
      }
      return classOf(posix, negated);
    }
    String re2 = re2Property(name, at);
    String text = (negated ? "\\P{" : "\\p{") + re2 + "}";
    try {
      com.google.re2j.Pattern.compile(text);
    } catch (com.google.re2j.PatternSyntaxException e) {
      throw javaOnly("the property \\p{" + name + "}", at);
    }
    return text;
  }

  private String re2Property(String name, int at) {
    if (name.startsWith("java")
        || name.startsWith("In")
        || name.startsWith("blk=")
        || name.startsWith("block=")) {
      throw javaOnly("the property \\p{" + name + "}", at);
    }
    for (String prefix : List.of("Is", "sc=", "script=", "gc=", "general_category=")) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return name;
  }

  private static int[][] complement(int[][] ranges) {
    List<int[]> out = new ArrayList<>();
    int next = 0;
    for (int[] r : ranges) {
      if (r[0] > next) {
        out.add(new int[] {next, r[0] - 1});
      }
      next = r[1] + 1;
    }
    if (next <= Character.MAX_CODE_POINT) {
      out.add(new int[] {next, Character.MAX_CODE_POINT});
    }
    return out.toArray(new int[0][]);
  }

  /**
   * A Java character class, its {@code [} read: literal members, ranges, escapes and predefined
   * classes. Java's nested classes (a union) and {@code &&} (an intersection) are refused.
   * Case-insensitive ASCII matching adds each letter's other case.
   */
  private String characterClass() {
    boolean negated = false;
    if (i < p.length() && p.charAt(i) == '^') {
      negated = true;
      i++;
    }
    StringBuilder members = new StringBuilder();
    List<int[]> literals = new ArrayList<>();
    boolean first = true;
    while (true) {
      int c = p.codePointAt(i);
      if (f.x() && Character.isWhitespace(c)) {
        i += Character.charCount(c);
        continue;
      }
      if (c == ']' && !first) {
        i++;
        break;
      }
      first = false;
      int here = i;
      if (c == '[') {
        throw javaOnly("a character class inside a character class (a Java union)", here);
      }
      if (c == '&' && p.startsWith("&&", i)) {
        throw javaOnly("a character class intersection '&&'", here);
      }
      int lo;
      if (c == '\\') {
        i++;
        int e = p.codePointAt(i);
        i += Character.charCount(e);
        if ("dDwWsShHvV".indexOf(e) >= 0) {
          int[][] r = ranges(e);
          members.append(members(Character.isUpperCase(e) ? complement(r) : r));
          continue;
        }
        if (e == 'p' || e == 'P') {
          String prop = property(e == 'P', here, true);
          members.append(prop);
          continue;
        }
        if (e == 'Q') {
          int end = p.indexOf("\\E", i);
          int stop = end < 0 ? p.length() : end;
          while (i < stop) {
            int q = p.codePointAt(i);
            i += Character.charCount(q);
            literals.add(new int[] {q, q});
          }
          i = end < 0 ? p.length() : end + 2;
          continue;
        }
        if (e >= '1' && e <= '9' || e == 'k') {
          throw unsupported("a backreference in a character class", here);
        }
        lo = escapedChar(e, here);
      } else {
        lo = c;
        i += Character.charCount(c);
      }
      int hi = lo;
      if (p.startsWith("-", i) && i + 1 < p.length() && p.charAt(i + 1) != ']') {
        i++;
        int d = p.codePointAt(i);
        if (d == '[') {
          throw javaOnly("a character class inside a character class (a Java union)", i);
        }
        i += Character.charCount(d);
        if (d == '\\') {
          int e = p.codePointAt(i);
          i += Character.charCount(e);
          hi = escapedChar(e, i);
        } else {
          hi = d;
        }
      }
      literals.add(new int[] {lo, hi});
    }
    for (int[] r : literals) {
      members.append(members(new int[][] {r}));
      if (f.i() && !f.u()) {
        members.append(asciiOtherCase(r));
      }
    }
    if (members.length() == 0) {
      return negated ? "(?s:.)" : "[^\\x{0}-\\x{10FFFF}]";
    }
    String cls = "[" + (negated ? "^" : "") + members + "]";
    return f.i() && f.u() ? "(?i:" + cls + ")" : cls;
  }

  /** The other-case ASCII letters of a range, as members. */
  private static String asciiOtherCase(int[] r) {
    StringBuilder sb = new StringBuilder();
    int lo = Math.max(r[0], 'A');
    int hi = Math.min(r[1], 'Z');
    if (lo <= hi) {
      sb.append(members(new int[][] {{lo + 32, hi + 32}}));
    }
    lo = Math.max(r[0], 'a');
    hi = Math.min(r[1], 'z');
    if (lo <= hi) {
      sb.append(members(new int[][] {{lo - 32, hi - 32}}));
    }
    return sb.toString();
  }
}
