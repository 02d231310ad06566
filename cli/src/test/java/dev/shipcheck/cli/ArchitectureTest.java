package dev.shipcheck.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.shipcheck.core.rule.PolicyRule;
import dev.shipcheck.core.rule.Rule;
import org.junit.jupiter.api.Test;

/** Rules are pure functions of facts and reports only render: neither may do I/O. */
class ArchitectureTest {
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.shipcheck");

  static final String[] IO = {
    "java.net..",
    "java.net.http..",
    "java.nio.file..",
    "java.nio.channels..",
    "java.sql..",
    "org.eclipse.jgit..",
    "software.amazon..",
    "org.kohsuke..",
    "dev.shipcheck.collectors..",
    "dev.shipcheck.cli..",
    "com.sun.net.httpserver.."
  };

  @Test
  void rulesDoNoIo() {
    noClasses()
        .that()
        .resideInAPackage("dev.shipcheck.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(IO)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileInputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileOutputStream")
        .because("rules are pure functions of collected facts")
        .check(CLASSES);
  }

  @Test
  void declarativeChecksDoNoIoEither() {
    noClasses()
        .that()
        .resideInAPackage("dev.shipcheck.checks..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(IO)
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .because("a check declared in the policy file is a rule like any other")
        .check(CLASSES);
  }

  @Test
  void rulesReadNeitherClockNorEnvironment() {
    noClasses()
        .that()
        .resideInAPackage("dev.shipcheck.rules..")
        .should()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(java.time.LocalDate.class, "now")
        .orShould()
        .callMethod(java.time.Clock.class, "systemUTC")
        .because("the same facts must give the same results, offline or not")
        .check(CLASSES);
  }

  @Test
  void reportsDoNoIo() {
    noClasses()
        .that()
        .resideInAPackage("dev.shipcheck.reports..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(IO)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .because("report writers render a finished scan through ReportOutput only")
        .check(CLASSES);
  }

  @Test
  void rulesAreFinalAnnotatedAndInTheRulesModule() {
    classes()
        .that()
        .implement(Rule.class)
        .and()
        .resideInAPackage("dev.shipcheck.rules..")
        .should()
        .beAnnotatedWith(PolicyRule.class)
        .andShould()
        .haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
        .check(CLASSES);
    classes()
        .that()
        .areAnnotatedWith(PolicyRule.class)
        .should()
        .implement(Rule.class)
        .check(CLASSES);
  }

  /** The root package of each module's main code; a package cycle inside any of them fails. */
  static final String[] MODULE_ROOTS = {
    "core",
    "facts",
    "checks",
    "history",
    "collectors",
    "rules",
    "reports",
    "simulators",
    "rulekit",
    "cli"
  };

  @Test
  void noModuleHasAPackageCycle() {
    for (String root : MODULE_ROOTS) {
      slices()
          .matching("dev.shipcheck." + root + ".(**)")
          .should()
          .beFreeOfCycles()
          .as("the packages of dev.shipcheck." + root + " are free of cycles")
          .allowEmptyShould(true) // a module of one package has no subpackages to match
          .check(CLASSES);
    }
  }

  @Test
  void nothingDependsOnTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.shipcheck.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.shipcheck.cli..")
        .check(CLASSES);
  }
}
