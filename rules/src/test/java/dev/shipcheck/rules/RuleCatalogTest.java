package dev.shipcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.RuleCatalog;
import dev.shipcheck.rules.git.CoreBranchesExist;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in catalogue is exactly the {@code @PolicyRule} classes of this module: a rule class
 * missing from {@code META-INF/services/dev.shipcheck.core.rule.Rule} fails here (its own test
 * instantiates it directly, so nothing else would notice), and so does a services line naming a
 * class that is not a rule of this module.
 */
class RuleCatalogTest {

  /**
   * Every class compiled into this module's main output (where a built-in rule's class file is)
   * that carries {@link PolicyRule}.
   */
  static TreeSet<String> annotatedRuleClasses() throws IOException, URISyntaxException {
    Path classes =
        Path.of(
            CoreBranchesExist.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(classes)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(f).toString().replace('\\', '/').replace('/', '.');
        name = name.substring(0, name.length() - ".class".length());
        try {
          Class<?> c = Class.forName(name, false, RuleCatalogTest.class.getClassLoader());
          if (c.isAnnotationPresent(PolicyRule.class)) {
            names.add(c.getName());
          }
        } catch (ClassNotFoundException | LinkageError e) {
          throw new AssertionError("cannot load " + name, e);
        }
      }
    }
    return names;
  }

  @Test
  void everyPolicyRuleClassIsRegisteredAndNothingElseIs() throws Exception {
    TreeSet<String> registered = new TreeSet<>();
    RuleCatalog.builtIn().rules().forEach(r -> registered.add(r.rule().getClass().getName()));
    TreeSet<String> annotated = annotatedRuleClasses();
    assertThat(annotated).as("@PolicyRule classes of the rules module").isNotEmpty();
    assertThat(registered)
        .as(
            "META-INF/services/dev.shipcheck.core.rule.Rule lists exactly the @PolicyRule classes"
                + " of the rules module")
        .isEqualTo(annotated);
  }

  @Test
  void everyRuleHasValidMetadataAndATest() {
    ClauseCatalog clauses = ClauseCatalog.load(getClass().getClassLoader());
    RuleCatalog catalog = RuleCatalog.builtIn();
    assertThat(catalog.problems(clauses)).isEmpty();
    for (var r : catalog.rules()) {
      String test = r.rule().getClass().getName() + "Test";
      Path source = Path.of("src", "test", "java", test.replace('.', '/') + ".java");
      assertThat(source).as("every rule has a test class " + test).exists();
    }
  }
}
