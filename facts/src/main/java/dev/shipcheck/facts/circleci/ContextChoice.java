package dev.shipcheck.facts.circleci;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which CircleCI context one {@code context:} entry of a workflow job names on a branch (domain
 * notes §1.4): a plain name, or an expression such as {@code << pipeline.git.branch == "main" and
 * "prod" or "dev" >>} evaluated over the branch's pipeline values. When the expression depends on
 * values not known before the pipeline runs, the choice lists every name it can produce.
 *
 * @param written the entry as written in the config
 * @param names the context it names ({@code exact}: zero or one name, none when the expression
 *     yields an empty or false value), else the names it may yield
 * @param exact whether the name is known for certain
 * @param open when not exact, whether it may also yield something not listed (no context, or a name
 *     computed from unknown values)
 * @param problem why the expression could not be read, if it could not
 */
public record ContextChoice(
    String written, List<String> names, boolean exact, boolean open, Optional<String> problem) {

  public ContextChoice {
    Objects.requireNonNull(written, "written");
    names = List.copyOf(names);
    Objects.requireNonNull(problem, "problem");
  }

  /** The context entries of a job on a branch whose pipeline values are {@code values}. */
  public static List<ContextChoice> of(List<String> written, Function<String, Value> values) {
    List<ContextChoice> out = new ArrayList<>();
    for (String w : written) {
      out.add(of(w, values));
    }
    return out;
  }

  static ContextChoice of(String written, Function<String, Value> values) {
    Expr expr;
    try {
      expr = ExprParser.template(written.strip());
    } catch (ExprSyntaxException e) {
      return new ContextChoice(written, List.of(), false, true, Optional.of(e.getMessage()));
    }
    Set<Value> results = new LinkedHashSet<>();
    possible(expr, values, results);
    Set<String> names = new LinkedHashSet<>();
    boolean open = false;
    for (Value v : results) {
      if (v.truth() == Tri.YES && !v.text().isBlank()) {
        names.add(v.text().strip());
      } else {
        open = true;
      }
    }
    boolean exact = results.size() == 1 && results.iterator().next().known();
    return new ContextChoice(written, List.copyOf(names), exact, open && !exact, Optional.empty());
  }

  /**
   * Adds every value {@code e} can yield ({@link Value.Unknown} for one not known statically).
   * {@code and}/{@code or} yield one of their operands, as in CircleCI, so with an operand of
   * unknown truth any later operand's value is possible too.
   */
  private static void possible(Expr e, Function<String, Value> values, Set<Value> out) {
    List<Expr> operands;
    boolean isOr;
    if (e instanceof Expr.Or or && !or.operands().isEmpty()) {
      operands = or.operands();
      isOr = true;
    } else if (e instanceof Expr.And and && !and.operands().isEmpty()) {
      operands = and.operands();
      isOr = false;
    } else if (e instanceof Expr.Template t && t.parts().size() == 1) {
      possible(t.parts().get(0), values, out);
      return;
    } else {
      Value v = e.eval(values);
      boolean bool =
          e instanceof Expr.Compare || e instanceof Expr.Not || e instanceof Expr.Matches;
      if (!v.known() && bool) {
        out.add(Value.TRUE);
        out.add(Value.FALSE);
      } else {
        out.add(v);
      }
      return;
    }
    for (int i = 0; i < operands.size(); i++) {
      Set<Value> here = new LinkedHashSet<>();
      possible(operands.get(i), values, here);
      if (i == operands.size() - 1) {
        out.addAll(here);
        return;
      }
      // 'or' stops at a true operand and yields it; 'and' stops at a false one.
      Tri stop = isOr ? Tri.YES : Tri.NO;
      boolean goesOn = false;
      for (Value v : here) {
        Tri t = v.truth();
        if (t == stop || t == Tri.MAYBE) {
          out.add(v);
        }
        goesOn |= t != stop;
      }
      if (!goesOn) {
        return;
      }
    }
  }

  /** "'prod-deploy'" or "'<< expr >>' (may be 'a' or 'b')" for messages. */
  public String describe() {
    if (exact && names.size() == 1 && names.get(0).equals(written.strip())) {
      return "'" + written.strip() + "'";
    }
    if (exact) {
      return "'"
          + written.strip()
          + "' (on this branch: "
          + (names.isEmpty() ? "no context" : "'" + names.get(0) + "'")
          + ")";
    }
    if (problem.isPresent()) {
      return "'" + written.strip() + "' (unreadable: " + problem.get() + ")";
    }
    List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
    return "'"
        + written.strip()
        + "' (decided when the pipeline runs: "
        + (quoted.isEmpty() ? "" : String.join(" or ", quoted) + (open ? " or " : ""))
        + (open ? "another value" : "")
        + ")";
  }
}
