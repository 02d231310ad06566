package dev.shipcheck.facts.circleci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExprParserTest {
  private static Function<String, Value> on(String branch) {
    Map<String, Value> known =
        Map.of(
            "pipeline.git.branch", new Value.Str(branch),
            "pipeline.git.tag", new Value.Str(""),
            "pipeline.parameters.run-deploy", Value.TRUE,
            "pipeline.parameters.count", new Value.Num(new java.math.BigDecimal(3)));
    return p -> known.getOrDefault(p, Value.unknown(p));
  }

  private static Tri eval(String expr, String branch) throws ExprSyntaxException {
    return ExprParser.parse(expr).eval(on(branch)).truth();
  }

  @Test
  void comparesBranchNames() throws Exception {
    assertThat(eval("pipeline.git.branch == \"main\"", "main")).isEqualTo(Tri.YES);
    assertThat(eval("pipeline.git.branch == 'main'", "dev")).isEqualTo(Tri.NO);
    assertThat(eval("pipeline.git.branch != \"main\"", "dev")).isEqualTo(Tri.YES);
  }

  @Test
  void orBindsLooserThanAndAndNotTighterStill() throws Exception {
    String e = "pipeline.git.branch == \"a\" or pipeline.git.branch == \"b\" and false";
    assertThat(eval(e, "a")).isEqualTo(Tri.YES);
    assertThat(eval(e, "b")).isEqualTo(Tri.NO);
    assertThat(eval("(pipeline.git.branch == \"a\" or true) and false", "a")).isEqualTo(Tri.NO);
    assertThat(eval("not pipeline.git.branch == \"a\"", "a")).isEqualTo(Tri.NO);
    assertThat(eval("not not true", "a")).isEqualTo(Tri.YES);
  }

  @Test
  void startsWithAndFullMatchRegex() throws Exception {
    assertThat(eval("pipeline.git.branch starts-with \"release\"", "release/1.2"))
        .isEqualTo(Tri.YES);
    assertThat(eval("pipeline.git.branch matches /^pre-prod(?:-.+)?$/", "pre-prod-eu"))
        .isEqualTo(Tri.YES);
    // CircleCI matches the whole name: /prod/ does not match "production".
    assertThat(eval("pipeline.git.branch matches /prod/", "production")).isEqualTo(Tri.NO);
    assertThat(eval("pipeline.git.branch matches /rel\\/.*/", "rel/x")).isEqualTo(Tri.YES);
  }

  @Test
  void unknownValuesGiveMaybeUnlessTheOtherSideDecides() throws Exception {
    String subject = "pipeline.git.commit.subject starts-with \"DEPLOY:\"";
    assertThat(eval(subject, "main")).isEqualTo(Tri.MAYBE);
    assertThat(eval("pipeline.git.branch == \"main\" and " + subject, "dev")).isEqualTo(Tri.NO);
    assertThat(eval("pipeline.git.branch == \"main\" or " + subject, "main")).isEqualTo(Tri.YES);
  }

  @Test
  void parametersAndNumbers() throws Exception {
    assertThat(eval("pipeline.parameters.run-deploy", "x")).isEqualTo(Tri.YES);
    assertThat(eval("pipeline.parameters.count >= 3", "x")).isEqualTo(Tri.YES);
    assertThat(eval("pipeline.parameters.count == 3.0", "x")).isEqualTo(Tri.YES);
  }

  @Test
  void andOrReturnOperandsForContextSelection() throws Exception {
    Expr e = ExprParser.template("<< pipeline.git.branch == \"main\" and \"prod\" or \"dev\" >>");
    assertThat(e.eval(on("main")).text()).isEqualTo("prod");
    assertThat(e.eval(on("x")).text()).isEqualTo("dev");
    Expr t = ExprParser.template("deploy-<< pipeline.git.branch >>");
    assertThat(t.eval(on("qa")).text()).isEqualTo("deploy-qa");
  }

  @Test
  void rejectsMalformedExpressionsWithAPosition() {
    assertThatThrownBy(() -> ExprParser.parse("pipeline.git.branch == "))
        .isInstanceOf(ExprSyntaxException.class)
        .hasMessageContaining("unexpected end");
    assertThatThrownBy(() -> ExprParser.parse("(a == \"b\"")).hasMessageContaining("expected ')'");
    assertThatThrownBy(() -> ExprParser.parse("a matches \"x\""))
        .hasMessageContaining("needs a /regex/");
    assertThatThrownBy(() -> ExprParser.parse("a == \"x"))
        .hasMessageContaining("unterminated string");
    assertThatThrownBy(() -> ExprParser.parse("a = b")).hasMessageContaining("unexpected '='");
    assertThatThrownBy(() -> ExprParser.parse("a == b c")).hasMessageContaining("unexpected 'c'");
  }
}
