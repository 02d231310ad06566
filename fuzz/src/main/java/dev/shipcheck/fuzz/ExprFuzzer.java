package dev.shipcheck.fuzz;

import dev.shipcheck.facts.circleci.Expr;
import dev.shipcheck.facts.circleci.ExprParser;
import dev.shipcheck.facts.circleci.ExprSyntaxException;
import dev.shipcheck.facts.circleci.Value;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: a CircleCI filter expression ({@code pipeline.git.branch == "main" and not ...}) and
 * the same text as a template ({@code deploy-<< pipeline.parameters.env >>}). Parsing may refuse
 * only with an {@link ExprSyntaxException} that gives a reason; what parses must show and evaluate
 * without throwing, with every reference known (a short branch name) and unknown.
 */
public final class ExprFuzzer {
  private ExprFuzzer() {}

  public static void fuzzerTestOneInput(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    check(text, false);
    check(text, true);
  }

  private static void check(String text, boolean template) {
    Expr e;
    try {
      e = template ? ExprParser.template(text) : ExprParser.parse(text);
    } catch (ExprSyntaxException refused) {
      if (refused.getMessage() == null || refused.getMessage().isBlank()) {
        throw new IllegalStateException("a refusal without a reason", refused);
      }
      return;
    }
    e.show();
    e.eval(ref -> new Value.Str("main"));
    e.eval(Value::unknown);
  }
}
