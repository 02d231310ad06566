package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The shipped jar ({@code target/shipcheck.jar}, made in {@code package}, checked in {@code
 * integration-test}) carries no test code: no test library, none of the test fixtures, no rule kit.
 */
class JarContentsIT {
  static final Path JAR = Path.of("target", "shipcheck.jar");

  /** Entry prefixes that only tests need. */
  static final List<String> TEST_ONLY =
      List.of(
          "org/junit/",
          "org/assertj/",
          "org/opentest4j/",
          "com/tngtech/archunit/",
          "dev/shipcheck/fixtures/",
          "dev/shipcheck/rulekit/");

  @Test
  void theShippedJarHoldsNoTestCode() throws IOException {
    assertThat(JAR).as("built by the package phase").isRegularFile();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();
      assertThat(names).as("the jar's entries").contains("dev/shipcheck/cli/Main.class");
      assertThat(names)
          .as("test code in the shipped jar")
          .filteredOn(n -> TEST_ONLY.stream().anyMatch(n::startsWith) || n.contains("Test.class"))
          .isEmpty();
    }
    assertThat(Files.size(JAR)).as("jar size in bytes").isLessThan(30L * 1024 * 1024);
  }
}
