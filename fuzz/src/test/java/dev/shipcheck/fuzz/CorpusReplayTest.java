package dev.shipcheck.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays the kept corpus through both targets without the fuzzer (run with {@code -Pfuzz}): every
 * input the fuzzer once found interesting must still be handled. Findings fixed in the product are
 * pinned by regression tests in the module they were fixed in; this keeps the corpus honest.
 */
class CorpusReplayTest {
  private static final Path CORPUS = Path.of("corpus");

  @Test
  void everyConfigInTheCorpusIsReadWithoutAnException() throws IOException {
    List<Path> inputs = inputs("config");
    assertThat(inputs).hasSizeGreaterThanOrEqualTo(10);
    for (Path p : inputs) {
      ConfigFuzzer.fuzzerTestOneInput(Files.readAllBytes(p));
    }
  }

  @Test
  void everyExpressionInTheCorpusIsParsedOrRefusedWithAReason() throws IOException {
    List<Path> inputs = inputs("expr");
    assertThat(inputs).hasSizeGreaterThanOrEqualTo(10);
    for (Path p : inputs) {
      ExprFuzzer.fuzzerTestOneInput(Files.readAllBytes(p));
    }
  }

  private static List<Path> inputs(String target) throws IOException {
    try (Stream<Path> s = Files.list(CORPUS.resolve(target))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
