package dev.shipcheck.facts.circleci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ContextChoiceTest {
  private static Function<String, Value> on(String branch) {
    Map<String, Value> known =
        Map.of(
            "pipeline.git.branch", new Value.Str(branch),
            "pipeline.parameters.ctx", new Value.Str("prod-deploy"));
    return p -> known.getOrDefault(p, Value.unknown(p));
  }

  @Test
  void aPlainNameIsExact() {
    ContextChoice c = ContextChoice.of(" prod-deploy ", on("production"));
    assertThat(c.names()).containsExactly("prod-deploy");
    assertThat(c.exact()).isTrue();
    assertThat(c.describe()).isEqualTo("'prod-deploy'");
  }

  @Test
  void anExpressionIsEvaluatedForTheBranch() {
    String e = "<< pipeline.git.branch == \"production\" and \"prod-deploy\" or \"dev\" >>";
    assertThat(ContextChoice.of(e, on("production")).names()).containsExactly("prod-deploy");
    assertThat(ContextChoice.of(e, on("qa")).names()).containsExactly("dev");
    assertThat(ContextChoice.of("<< pipeline.parameters.ctx >>", on("x")).names())
        .containsExactly("prod-deploy");
  }

  @Test
  void aFalseExpressionNamesNoContext() {
    ContextChoice c =
        ContextChoice.of("<< pipeline.git.branch == \"main\" and \"prod\" >>", on("production"));
    assertThat(c.exact()).isTrue();
    assertThat(c.names()).isEmpty();
    assertThat(c.describe()).contains("no context");
  }

  @Test
  void anExpressionOnUnknownValuesListsEveryNameItCanYield() {
    ContextChoice c =
        ContextChoice.of(
            "<< pipeline.trigger_source == \"api\" and \"ops\" or \"prod-deploy\" >>",
            on("production"));
    assertThat(c.exact()).isFalse();
    assertThat(c.names()).containsExactly("ops", "prod-deploy");
    assertThat(c.open()).isFalse();
    assertThat(c.describe()).contains("'ops' or 'prod-deploy'");
  }

  @Test
  void anUnknownValueThatMayBeFalseOrAComputedNameIsOpen() {
    assertThat(ContextChoice.of("<< pipeline.trigger_source == \"x\" and \"a\" >>", on("p")).open())
        .isTrue();
    ContextChoice computed = ContextChoice.of("deploy-<< pipeline.trigger_source >>", on("p"));
    assertThat(computed.names()).isEmpty();
    assertThat(computed.open()).isTrue();
  }

  @Test
  void anUnreadableExpressionSaysWhy() {
    ContextChoice c = ContextChoice.of("<< pipeline.git.branch ==", on("p"));
    assertThat(c.problem()).isPresent();
    assertThat(c.names()).isEmpty();
    assertThat(c.describe()).contains("unreadable");
  }
}
