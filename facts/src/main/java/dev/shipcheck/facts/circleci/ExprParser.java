package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.regex.RegexRefused;
import dev.shipcheck.core.yaml.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses CircleCI expression strings by recursive descent over a token stream:
 *
 * <pre>
 * expr       := or
 * or         := and ("or" and)*
 * and        := unary ("and" unary)*
 * unary      := "not" unary | comparison
 * comparison := primary (("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "starts-with") primary
 *                        | "matches" REGEX)?
 * primary    := "(" expr ")" | STRING | NUMBER | "true" | "false" | "null" | REFERENCE
 * </pre>
 *
 * Strings are double- or single-quoted with backslash escapes; a REGEX is {@code /.../} (a {@code
 * \/} inside stands for a slash) in RE2 syntax, of ASCII and Latin-1 characters only, as CircleCI's
 * own expression library reads it (it compiles patterns with RE2/J); a REFERENCE is a dotted name
 * such as {@code pipeline.parameters.run-deploy}.
 *
 * <p>Parentheses and {@code not} nest at most {@value #MAX_NESTING} deep: a deeper expression
 * parses to {@link Expr.Beyond}, which names the limit when evaluated, rather than overflowing the
 * stack.
 */
public final class ExprParser {
  /** Deepest nesting of parentheses and {@code not} read. */
  public static final int MAX_NESTING = 100;

  private enum Kind {
    LPAREN,
    RPAREN,
    STRING,
    NUMBER,
    REGEX,
    WORD,
    OP,
    END
  }

  private record Token(Kind kind, String text, int column) {}

  /** Thrown inside the parser past {@link #MAX_NESTING}; {@link #parse} turns it into a node. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeep() {
      super("nested too deeply", null, false, false);
    }
  }

  private final String source;
  private final List<Token> tokens;
  private final Position at;
  private int next;
  private int depth;

  private ExprParser(String source, List<Token> tokens, Position at) {
    this.source = source;
    this.tokens = tokens;
    this.at = at;
  }

  /** Parses a whole expression string. */
  public static Expr parse(String text) throws ExprSyntaxException {
    return parse(text, Position.UNKNOWN);
  }

  /**
   * Parses a whole expression string written at {@code at} in the config (where a pattern that
   * cannot be matched in linear time, or a too deeply nested expression, is reported).
   */
  public static Expr parse(String text, Position at) throws ExprSyntaxException {
    ExprParser p = new ExprParser(text, tokenise(text), at);
    Expr e;
    try {
      e = p.or();
    } catch (TooDeep deep) {
      return new Expr.Beyond(
          "the expression nests parentheses or 'not' more than "
              + MAX_NESTING
              + " deep, deeper than Shipcheck reads, so what it decides cannot be told",
          at);
    }
    Token t = p.peek();
    if (t.kind() != Kind.END) {
      throw new ExprSyntaxException("unexpected '" + t.text() + "'", t.column());
    }
    return e;
  }

  /** Parses a string that may hold {@code << expr >>} parts; a string without them is a literal. */
  public static Expr template(String text) throws ExprSyntaxException {
    return template(text, Position.UNKNOWN);
  }

  /** {@link #template(String)} for a string written at {@code at}. */
  public static Expr template(String text, Position at) throws ExprSyntaxException {
    int open = text.indexOf("<<");
    if (open < 0) {
      return Expr.string(text);
    }
    List<Expr> parts = new ArrayList<>();
    int pos = 0;
    while (open >= 0) {
      int close = text.indexOf(">>", open + 2);
      if (close < 0) {
        throw new ExprSyntaxException("'<<' without a closing '>>'", open + 1);
      }
      if (open > pos) {
        parts.add(Expr.string(text.substring(pos, open)));
      }
      String inner = text.substring(open + 2, close);
      try {
        parts.add(parse(inner, at));
      } catch (ExprSyntaxException e) {
        throw new ExprSyntaxException(
            "in '<<" + inner + ">>': " + e.getMessage().replaceAll(" at character \\d+$", ""),
            open + 1 + e.column());
      }
      pos = close + 2;
      open = text.indexOf("<<", pos);
    }
    if (pos < text.length()) {
      parts.add(Expr.string(text.substring(pos)));
    }
    return new Expr.Template(parts);
  }

  private Expr or() throws ExprSyntaxException {
    if (++depth > MAX_NESTING) {
      throw new TooDeep();
    }
    List<Expr> operands = new ArrayList<>();
    operands.add(and());
    while (word("or")) {
      operands.add(and());
    }
    depth--;
    return operands.size() == 1 ? operands.get(0) : new Expr.Or(operands);
  }

  private Expr and() throws ExprSyntaxException {
    List<Expr> operands = new ArrayList<>();
    operands.add(unary());
    while (word("and")) {
      operands.add(unary());
    }
    return operands.size() == 1 ? operands.get(0) : new Expr.And(operands);
  }

  private Expr unary() throws ExprSyntaxException {
    if (word("not")) {
      if (++depth > MAX_NESTING) {
        throw new TooDeep();
      }
      Expr operand = unary();
      depth--;
      return new Expr.Not(operand);
    }
    return comparison();
  }

  private Expr comparison() throws ExprSyntaxException {
    Expr left = primary();
    Token t = peek();
    if (t.kind() == Kind.OP) {
      next++;
      Expr.Op op =
          switch (t.text()) {
            case "==" -> Expr.Op.EQ;
            case "!=" -> Expr.Op.NE;
            case "<" -> Expr.Op.LT;
            case "<=" -> Expr.Op.LE;
            case ">" -> Expr.Op.GT;
            default -> Expr.Op.GE;
          };
      return new Expr.Compare(op, left, primary());
    }
    if (word("starts-with")) {
      return new Expr.Compare(Expr.Op.STARTS_WITH, left, primary());
    }
    if (word("matches")) {
      Token re = take();
      if (re.kind() != Kind.REGEX) {
        throw new ExprSyntaxException("'matches' needs a /regex/", re.column());
      }
      try {
        return new Expr.Matches(
            left, ConfigPattern.of(re.text(), LinearRegex.Syntax.RE2, at, "expression pattern"));
      } catch (RegexRefused e) {
        throw new ExprSyntaxException(
            "invalid regular expression /" + re.text() + "/: " + e.reason(), re.column());
      }
    }
    return left;
  }

  private Expr primary() throws ExprSyntaxException {
    Token t = take();
    switch (t.kind()) {
      case LPAREN -> {
        Expr e = or();
        Token close = take();
        if (close.kind() != Kind.RPAREN) {
          throw new ExprSyntaxException("expected ')'", close.column());
        }
        return e;
      }
      case STRING -> {
        return Expr.string(t.text());
      }
      case NUMBER -> {
        return Expr.number(new BigDecimal(t.text()));
      }
      case WORD -> {
        return switch (t.text()) {
          case "true" -> new Expr.Lit(Value.TRUE);
          case "false" -> new Expr.Lit(Value.FALSE);
          case "null" -> new Expr.Lit(Value.NULL);
          case "and", "or", "not", "matches", "starts-with" ->
              throw new ExprSyntaxException("unexpected '" + t.text() + "'", t.column());
          default -> new Expr.Ref(t.text());
        };
      }
      case END -> throw new ExprSyntaxException("unexpected end of expression", t.column());
      default -> throw new ExprSyntaxException("unexpected '" + t.text() + "'", t.column());
    }
  }

  private boolean word(String w) {
    Token t = peek();
    if (t.kind() == Kind.WORD && t.text().equals(w)) {
      next++;
      return true;
    }
    return false;
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token t = tokens.get(next);
    if (t.kind() != Kind.END) {
      next++;
    }
    return t;
  }

  @Override
  public String toString() {
    return source;
  }

  private static List<Token> tokenise(String s) throws ExprSyntaxException {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int col = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(new Token(c == '(' ? Kind.LPAREN : Kind.RPAREN, String.valueOf(c), col));
        i++;
      } else if (c == '"' || c == '\'') {
        i = quoted(s, i, out);
      } else if (c == '/' && afterMatches(out)) {
        i = regex(s, i, out);
      } else if ("=!<>".indexOf(c) >= 0) {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=")) {
          out.add(new Token(Kind.OP, two, col));
          i += 2;
        } else if (c == '<' || c == '>') {
          out.add(new Token(Kind.OP, String.valueOf(c), col));
          i++;
        } else {
          throw new ExprSyntaxException("unexpected '" + c + "'", col);
        }
      } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && isDigitAt(s, i + 1))) {
        int start = i++;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        String num = s.substring(start, i);
        if (!num.matches("-?\\d+(\\.\\d+)?")) {
          throw new ExprSyntaxException("malformed number '" + num + "'", col);
        }
        out.add(new Token(Kind.NUMBER, num, col));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length() && isNameChar(s.charAt(i))) {
          i++;
        }
        out.add(new Token(Kind.WORD, s.substring(start, i), col));
      } else {
        throw new ExprSyntaxException("unexpected '" + c + "'", col);
      }
    }
    out.add(new Token(Kind.END, "", s.length() + 1));
    return out;
  }

  private static boolean isDigitAt(String s, int i) {
    return Character.isDigit(s.charAt(i));
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  private static boolean afterMatches(List<Token> out) {
    return !out.isEmpty()
        && out.get(out.size() - 1).kind() == Kind.WORD
        && out.get(out.size() - 1).text().toLowerCase(Locale.ROOT).equals("matches");
  }

  private static int quoted(String s, int start, List<Token> out) throws ExprSyntaxException {
    char quote = s.charAt(start);
    StringBuilder sb = new StringBuilder();
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        sb.append(
            switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> n;
            });
        i += 2;
      } else if (c == quote) {
        out.add(new Token(Kind.STRING, sb.toString(), start + 1));
        return i + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    throw new ExprSyntaxException("unterminated string", start + 1);
  }

  /**
   * A {@code /.../} pattern. As in CircleCI's expression scanner, only ASCII and Latin-1 characters
   * may appear in it, and {@code \\u} escapes may not.
   */
  private static int regex(String s, int start, List<Token> out) throws ExprSyntaxException {
    StringBuilder sb = new StringBuilder();
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c > 0xFF || (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u')) {
        throw new ExprSyntaxException(
            "only ASCII and Latin-1 characters are allowed in a pattern", i + 1);
      }
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
        sb.append('/');
        i += 2;
      } else if (c == '\\' && i + 1 < s.length()) {
        sb.append(c).append(s.charAt(i + 1));
        i += 2;
      } else if (c == '/') {
        out.add(new Token(Kind.REGEX, sb.toString(), start + 1));
        return i + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    throw new ExprSyntaxException("unterminated /regex/", start + 1);
  }
}
