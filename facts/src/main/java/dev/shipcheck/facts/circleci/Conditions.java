package dev.shipcheck.facts.circleci;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns workflow {@code when}/{@code unless} values into {@link Expr}s: logic statements ({@code
 * and}, {@code or}, {@code not}, {@code equal}, {@code matches}), templates ({@code << ... >>})
 * and, at the top level only, expression strings ({@code pipeline.git.branch == "main"}).
 */
final class Conditions {
  private Conditions() {}

  static Expr condition(JsonNode n) throws ExprSyntaxException {
    if (n.isTextual() && !n.asText().contains("<<")) {
      String text = n.asText();
      try {
        return ExprParser.parse(text);
      } catch (ExprSyntaxException e) {
        // Not an expression: CircleCI treats the text as a (truthy) string.
        return Expr.string(text);
      }
    }
    return logic(n);
  }

  private static Expr logic(JsonNode n) throws ExprSyntaxException {
    if (n.isTextual()) {
      return ExprParser.template(n.asText());
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

  private static List<Expr> list(JsonNode arg) throws ExprSyntaxException {
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

  private static Expr matches(JsonNode arg) throws ExprSyntaxException {
    if (!arg.path("pattern").isValueNode() || !arg.has("value")) {
      throw new ExprSyntaxException("'matches' needs 'pattern' and 'value'", 1);
    }
    try {
      Pattern p = Pattern.compile(arg.get("pattern").asText());
      return new Expr.Matches(logic(arg.get("value")), p);
    } catch (PatternSyntaxException e) {
      throw new ExprSyntaxException("invalid pattern: " + e.getDescription(), 1);
    }
  }
}
