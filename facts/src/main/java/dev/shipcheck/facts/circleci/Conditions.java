package dev.shipcheck.facts.circleci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.regex.LinearRegex;
import dev.shipcheck.core.regex.RegexRefused;
import dev.shipcheck.core.yaml.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns workflow {@code when}/{@code unless} values into {@link Expr}s: logic statements ({@code
 * and}, {@code or}, {@code not}, {@code equal}, {@code matches}), templates ({@code << ... >>})
 * and, at the top level only, expression strings ({@code pipeline.git.branch == "main"}). A {@code
 * matches} statement's pattern is Java syntax, as CircleCI documents it, and must match the whole
 * value.
 */
final class Conditions {
  private final Position at;

  private Conditions(Position at) {
    this.at = at;
  }

  /** The condition written at {@code at}. */
  static Expr condition(JsonNode n, Position at) throws ExprSyntaxException {
    return new Conditions(at).top(n);
  }

  private Expr top(JsonNode n) throws ExprSyntaxException {
    if (n.isTextual() && !n.asText().contains("<<")) {
      String text = n.asText();
      try {
        return ExprParser.parse(text, at);
      } catch (ExprSyntaxException e) {
        // Not an expression: CircleCI treats the text as a (truthy) string.
        return Expr.string(text);
      }
    }
    return logic(n);
  }

  private Expr logic(JsonNode n) throws ExprSyntaxException {
    if (n.isTextual()) {
      return ExprParser.template(n.asText(), at);
    }
    if (n.isBoolean()) {
      return new Expr.Lit(Value.of(n.asBoolean()));
    }
    if (n.isNumber()) {
      return Expr.number(n.decimalValue());
    }
    if (n.isNull() || n.isMissingNode()) {
      return new Expr.Lit(Value.NULL);
    }
    if (n.isObject() && n.size() == 1) {
      Map.Entry<String, JsonNode> e = n.fields().next();
      JsonNode arg = e.getValue();
      switch (e.getKey()) {
        case "and":
          return new Expr.And(list(arg));
        case "or":
          return new Expr.Or(list(arg));
        case "not":
          return new Expr.Not(logic(arg));
        case "equal":
          return equal(list(arg));
        case "matches":
          return matches(arg);
        default:
          break;
      }
    }
    throw new ExprSyntaxException(
        "not a logic statement (expected and, or, not, equal or matches): " + n, 1);
  }

  private List<Expr> list(JsonNode arg) throws ExprSyntaxException {
    List<Expr> out = new ArrayList<>();
    if (arg.isArray()) {
      for (JsonNode item : arg) {
        out.add(logic(item));
      }
    } else {
      out.add(logic(arg));
    }
    return out;
  }

  private static Expr equal(List<Expr> args) {
    if (args.size() < 2) {
      return new Expr.Lit(Value.of(!args.isEmpty()));
    }
    List<Expr> pairs = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      pairs.add(new Expr.Compare(Expr.Op.EQ, args.get(0), args.get(i)));
    }
    return pairs.size() == 1 ? pairs.get(0) : new Expr.And(pairs);
  }

  private Expr matches(JsonNode arg) throws ExprSyntaxException {
    if (!arg.path("pattern").isValueNode() || !arg.has("value")) {
      throw new ExprSyntaxException("'matches' needs 'pattern' and 'value'", 1);
    }
    ConfigPattern p;
    try {
      p =
          ConfigPattern.of(
              arg.get("pattern").asText(), LinearRegex.Syntax.JAVA, at, "'matches' pattern");
    } catch (RegexRefused e) {
      throw new ExprSyntaxException("invalid pattern: " + e.reasonAt(), 1);
    }
    return new Expr.Matches(logic(arg.get("value")), p);
  }
}
