package dev.shipcheck.facts.circleci;

import dev.shipcheck.core.fact.Absence;
import dev.shipcheck.core.fact.AbsentFactException;
import dev.shipcheck.core.fact.Location;
import dev.shipcheck.core.yaml.Position;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A CircleCI condition: an expression string ({@code pipeline.git.branch == "main"}), a logic
 * statement ({@code and}, {@code or}, {@code not}, {@code equal}, {@code matches}) or a template
 * ({@code << pipeline.parameters.deploy >>}), all evaluated the same way over pipeline values.
 * {@code and} and {@code or} return one of their operands, as in CircleCI ({@code a and "x" or "y"}
 * picks a context name).
 */
public sealed interface Expr {

  /** Evaluates over pipeline values; references not known statically give {@link Value.Unknown}. */
  Value eval(Function<String, Value> values);

  /** The source text (normalised), for messages. */
  String show();

  /** A literal value. */
  record Lit(Value value) implements Expr {
    public Lit {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Value eval(Function<String, Value> values) {
      return value;
    }

    @Override
    public String show() {
      return value instanceof Value.Str s ? '"' + s.value() + '"' : value.text();
    }
  }

  /** A pipeline value or parameter, e.g. {@code pipeline.git.branch}. */
  record Ref(String path) implements Expr {
    public Ref {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public Value eval(Function<String, Value> values) {
      return values.apply(path);
    }

    @Override
    public String show() {
      return path;
    }
  }

  /** {@code a and b}; an empty {@code and:} statement is false. */
  record And(List<Expr> operands) implements Expr {
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public Value eval(Function<String, Value> values) {
      if (operands.isEmpty()) {
        return Value.FALSE;
      }
      Value last = Value.TRUE;
      boolean unsure = false;
      for (Expr e : operands) {
        last = e.eval(values);
        Tri t = last.truth();
        if (t == Tri.NO) {
          return last;
        }
        unsure |= t == Tri.MAYBE;
      }
      return unsure ? Value.unknown(show()) : last;
    }

    @Override
    public String show() {
      return join(operands, " and ");
    }
  }

  /** {@code a or b}; an empty {@code or:} statement is false. */
  record Or(List<Expr> operands) implements Expr {
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public Value eval(Function<String, Value> values) {
      boolean unsure = false;
      Value last = Value.FALSE;
      for (Expr e : operands) {
        last = e.eval(values);
        Tri t = last.truth();
        if (t == Tri.YES) {
          return last;
        }
        unsure |= t == Tri.MAYBE;
      }
      return unsure ? Value.unknown(show()) : last;
    }

    @Override
    public String show() {
      return join(operands, " or ");
    }
  }

  /** {@code not a}. */
  record Not(Expr operand) implements Expr {
    @Override
    public Value eval(Function<String, Value> values) {
      Tri t = operand.eval(values).truth().not();
      return t == Tri.MAYBE ? Value.unknown(show()) : Value.of(t == Tri.YES);
    }

    @Override
    public String show() {
      return "not " + operand.show();
    }
  }

  /** Comparison operators. */
  enum Op {
    EQ("=="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    STARTS_WITH("starts-with");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }

  /** {@code a == b}, {@code a starts-with b}, ...; the {@code equal:} statement chains EQ. */
  record Compare(Op op, Expr left, Expr right) implements Expr {
    @Override
    public Value eval(Function<String, Value> values) {
      Value l = left.eval(values);
      Value r = right.eval(values);
      if (!l.known() || !r.known()) {
        return Value.unknown(show());
      }
      return Value.of(
          switch (op) {
            case EQ -> same(l, r);
            case NE -> !same(l, r);
            case STARTS_WITH -> l.text().startsWith(r.text());
            case LT -> order(l, r) < 0;
            case LE -> order(l, r) <= 0;
            case GT -> order(l, r) > 0;
            case GE -> order(l, r) >= 0;
          });
    }

    private static boolean same(Value l, Value r) {
      if (l instanceof Value.Num a && r instanceof Value.Num b) {
        return a.value().compareTo(b.value()) == 0;
      }
      return l.getClass() == r.getClass() && l.text().equals(r.text());
    }

    private static int order(Value l, Value r) {
      if (l instanceof Value.Num a && r instanceof Value.Num b) {
        return a.value().compareTo(b.value());
      }
      return l.text().compareTo(r.text());
    }

    @Override
    public String show() {
      return left.show() + " " + op.symbol + " " + right.show();
    }
  }

  /**
   * {@code a matches /re/} and the {@code matches} logic statement: the whole value must match, as
   * in CircleCI, in linear time.
   */
  record Matches(Expr value, ConfigPattern pattern) implements Expr {
    public Matches {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public Value eval(Function<String, Value> values) {
      Value v = value.eval(values);
      if (!v.known()) {
        return Value.unknown(show());
      }
      return Value.of(pattern.matchesWhole(v.text()));
    }

    @Override
    public String show() {
      return value.show() + " matches /" + pattern.written() + "/";
    }
  }

  /**
   * An expression beyond what Shipcheck reads (nested past {@link ExprParser#MAX_NESTING}):
   * evaluating it makes the fact that needs it absent, naming the file, the line and the limit.
   */
  record Beyond(String reason, Position position) implements Expr {
    public Beyond {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(position, "position");
    }

    @Override
    public Value eval(Function<String, Value> values) {
      throw new AbsentFactException(
          new Absence(
              UsablePipeline.CAUSE,
              CircleCiConfig.PATH
                  + (position.line() > 0 ? " line " + position.line() : "")
                  + ": "
                  + reason,
              Optional.of(
                  position.line() > 0
                      ? Location.at(CircleCiConfig.PATH, position.line(), position.column())
                      : Location.file(CircleCiConfig.PATH))));
    }

    @Override
    public String show() {
      return "(an expression nested too deeply to read)";
    }
  }

  /** A string with {@code << expr >>} parts, e.g. {@code deploy-<< pipeline.git.branch >>}. */
  record Template(List<Expr> parts) implements Expr {
    public Template {
      parts = List.copyOf(parts);
    }

    @Override
    public Value eval(Function<String, Value> values) {
      if (parts.size() == 1) {
        return parts.get(0).eval(values);
      }
      StringBuilder sb = new StringBuilder();
      for (Expr p : parts) {
        Value v = p.eval(values);
        if (!v.known()) {
          return Value.unknown(show());
        }
        sb.append(v.text());
      }
      return new Value.Str(sb.toString());
    }

    @Override
    public String show() {
      StringBuilder sb = new StringBuilder();
      for (Expr p : parts) {
        sb.append(p instanceof Lit l ? l.value().text() : "<< " + p.show() + " >>");
      }
      return sb.toString();
    }
  }

  static Expr string(String s) {
    return new Lit(new Value.Str(s));
  }

  static Expr number(BigDecimal n) {
    return new Lit(new Value.Num(n));
  }

  private static String join(List<Expr> operands, String sep) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        sb.append(sep);
      }
      sb.append(operands.get(i).show());
    }
    return sb.append(')').toString();
  }
}
