package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orb packer does what {@code circleci orb pack} does with an orb source folder. */
class OrbPackerTest {
  @TempDir Path src;

  private void write(String relative, String text) throws Exception {
    Path p = src.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private Map<String, Object> packed() throws Exception {
    return RepositoryRoot.yaml(OrbPacker.pack(src));
  }

  @Test
  void mergesRootFilesFoldersAndAtFilesInTheCliOrder() throws Exception {
    write("@orb.yml", "version: 2.1\ndescription: d\nunknown-key: dropped\n");
    write("jobs/build.yml", "steps: [checkout]\n");
    write("jobs/@more.yml", "test: {steps: [{run: make test}]}\n");
    write("commands/greet.yaml", "steps: [{run: echo hi}]\n");
    write("commands/nested/commands/deep.yml", "steps: [{run: ignored}]\n");
    write("commands/README.md", "not yaml, ignored");
    write("executors/default.yml", "docker: [{image: 'cimg/base:2024.01'}]\n");
    write("scripts/ignored.yml", "not: read\n");
    write(".hidden/jobs/x.yml", "steps: [checkout]\n");
    write(
        "examples/use.yml",
        "description: e\nusage: {version: 2.1, parameters: {p: {type: string, default: x}}, workflows: {w: {jobs: [x/build]}}}\n");
    Map<String, Object> orb = packed();
    assertThat(orb.keySet())
        .containsExactly("version", "description", "commands", "executors", "jobs", "examples");
    assertThat(orb.get("version")).isEqualTo(2.1);
    assertThat(orb.get("jobs"))
        .isEqualTo(
            Map.of(
                "build",
                Map.of("steps", List.of("checkout")),
                "test",
                Map.of("steps", List.of(Map.of("run", "make test")))));
    assertThat(orb.get("commands"))
        .isEqualTo(Map.of("greet", Map.of("steps", List.of(Map.of("run", "echo hi")))));
    assertThat(orb.get("examples"))
        .isEqualTo(
            Map.of(
                "use",
                Map.of(
                    "description",
                    "e",
                    "usage",
                    Map.of(
                        "version",
                        "2.1",
                        "workflows",
                        Map.of("w", Map.of("jobs", List.of("x/build")))))));
  }

  @Test
  void inlinesIncludedFilesEscapingParameterSyntax() throws Exception {
    write("@orb.yml", "version: 2.1\n");
    write("scripts/run.sh", "#!/bin/bash\necho \"<< not a parameter >>\"\n");
    write(
        "commands/go.yml",
        "steps:\n  - run:\n      command: <<include(scripts/run.sh)>>\n      name: << parameters.x >>\n");
    String text = OrbPacker.pack(src);
    assertThat(text).contains("command: |\n").contains("echo \"\\<< not a parameter >>\"");
    Map<?, ?> run =
        (Map<?, ?>)
            ((Map<?, ?>)
                    ((List<?>)
                            ((Map<?, ?>)
                                    ((Map<?, ?>) RepositoryRoot.yaml(text).get("commands"))
                                        .get("go"))
                                .get("steps"))
                        .get(0))
                .get("run");
    assertThat(run.get("command")).isEqualTo("#!/bin/bash\necho \"\\<< not a parameter >>\"\n");
    assertThat(run.get("name")).isEqualTo("<< parameters.x >>");
  }

  @Test
  void rejectsIncludesThatAreNotTheWholeValue() throws Exception {
    write("@orb.yml", "version: 2.1\n");
    write("a.sh", "echo a");
    write("commands/go.yml", "steps: [{run: 'echo <<include(a.sh)>>'}]\n");
    assertThatThrownBy(() -> OrbPacker.pack(src))
        .hasMessageContaining("commands.go.steps[0].run: an include must be the whole value");
    write("commands/go.yml", "steps: [{run: '<<include(a.sh)>><<include(a.sh)>>'}]\n");
    assertThatThrownBy(() -> OrbPacker.pack(src)).hasMessageContaining("more than one include");
    write("commands/go.yml", "steps: [{run: '<<include(missing.sh)>>'}]\n");
    assertThatThrownBy(() -> OrbPacker.pack(src)).hasMessageContaining("cannot include missing.sh");
  }

  @Test
  void explainsAMissingRootFileAndFilesThatAreNotMappings() throws Exception {
    assertThatThrownBy(() -> OrbPacker.pack(src)).hasMessageContaining("no @orb.yml here");
    write("@orb.yml", "version: 2.1\n");
    write("jobs/list.yml", "- a\n- b\n");
    assertThatThrownBy(() -> OrbPacker.pack(src))
        .hasMessageContaining("jobs/list.yml: expected a mapping of keys, found a list");
    write("jobs/list.yml", "steps: [unclosed\n");
    assertThatThrownBy(() -> OrbPacker.pack(src))
        .hasMessageContaining("jobs/list.yml: not valid YAML");
  }

  @Test
  void theCommandWritesTheFileAndReportsBadSourceAsUsageError() throws Exception {
    write("@orb.yml", "version: 2.1\ndescription: x\n");
    Path out = src.resolveSibling(src.getFileName() + "-orb.yml");
    CliRun run = CliRun.run(OrbPackCommand.NAME, src.toString(), out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readString(out))
        .isEqualTo(OrbPackCommand.HEADER + "version: 2.1\ndescription: x\n");
    Files.delete(src.resolve("@orb.yml"));
    CliRun bad = CliRun.run(OrbPackCommand.NAME, src.toString(), out.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("no @orb.yml here");
  }

  @Test
  void committedOrbIsThePackedSource() throws Exception {
    Path root = RepositoryRoot.get();
    assertThat(RepositoryRoot.read("orb/orb.yml"))
        .as("orb/orb.yml is stale: run bin/shipcheck __pack-orb orb/src orb/orb.yml")
        .isEqualTo(OrbPackCommand.HEADER + OrbPacker.pack(root.resolve("orb/src")));
  }
}
