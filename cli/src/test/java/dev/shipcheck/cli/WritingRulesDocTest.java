package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.rule.Rule;
import dev.shipcheck.facts.repo.RepoFiles;
import dev.shipcheck.rulekit.RuleTester;
import dev.shipcheck.rules.git.CoreBranchesExist;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/writing-rules.md} followed literally on a fresh directory: its {@code sh} blocks run
 * in order in one bash session, its file blocks ({@code ```java file=PATH}) are written where they
 * say, and each {@code text} block right after a command must appear in the output. Maven runs
 * offline against a throw-away local repository holding this build's own rule API and rule kit, and
 * {@code shipcheck} is this build's command line, so the page is checked against the code it
 * describes. Blocks after a {@code <!-- doc-test: skip -->} line are not run (the page says why).
 */
class WritingRulesDocTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path DOC = ROOT.resolve("docs/writing-rules.md");
  static final Path EXAMPLE = ROOT.resolve("examples/codeowners-plugin");
  static final Pattern FENCE = Pattern.compile("(?m)^```(.*)\\n([\\s\\S]*?)^```\\s*$");
  static final String SKIP = "<!-- doc-test: skip";
  static final String EOF = "SHIPCHECK_DOC_EOF";

  @TempDir Path tmp;

  /** A fenced block: its info string, body, and whether the page marks it not to be run. */
  record Block(String info, String body, boolean skipped) {
    Optional<String> file() {
      Matcher m = Pattern.compile("\\bfile=(\\S+)").matcher(info);
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    boolean command() {
      return info.strip().equals("sh") && !skipped;
    }

    boolean output() {
      return info.strip().equals("text");
    }
  }

  static List<Block> blocks(String markdown) {
    List<Block> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(markdown);
    while (m.find()) {
      String before = markdown.substring(0, m.start()).stripTrailing();
      String lastLine = before.substring(before.lastIndexOf('\n') + 1);
      blocks.add(new Block(m.group(1), m.group(2), lastLine.startsWith(SKIP)));
    }
    return blocks;
  }

  @Test
  void theExampleProjectIsExactlyWhatThePageBuilds() throws IOException {
    List<Block> blocks = blocks(Files.readString(DOC));
    List<String> written = new ArrayList<>();
    for (Block b : blocks) {
      Optional<String> file = b.file();
      if (file.isPresent() && Files.exists(EXAMPLE.resolve(file.get()))) {
        assertThat(b.body())
            .as("docs/writing-rules.md's %s differs from examples/codeowners-plugin's", file.get())
            .isEqualTo(Files.readString(EXAMPLE.resolve(file.get())));
        written.add(file.get());
      }
    }
    List<String> project = new ArrayList<>(List.of("pom.xml"));
    try (Stream<Path> files = Files.walk(EXAMPLE.resolve("src"))) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> project.add(EXAMPLE.relativize(f).toString().replace('\\', '/')));
    }
    assertThat(written).containsExactlyInAnyOrderElementsOf(project);
  }

  @Test
  void followingThePageLiterallyPutsThePluginRuleInTheReports() throws Exception {
    List<Block> blocks = blocks(Files.readString(DOC));
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path repository = stageArtifacts(tmp.resolve("m2"));
    Path settings = Files.writeString(tmp.resolve("settings.xml"), settings());
    executable(
        bin.resolve("mvn"),
        "exec '%s' -o -Daether.offline.protocols=file -s '%s' -Dmaven.repo.local='%s' \"$@\""
            .formatted(onPath("mvn"), settings, repository));
    executable(
        bin.resolve("shipcheck"),
        "exec '%s' -cp '%s' %s \"$@\""
            .formatted(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"),
                Main.class.getName()));
    Path script = Files.writeString(tmp.resolve("steps.sh"), script(blocks));

    ProcessBuilder pb =
        new ProcessBuilder("bash", script.toString())
            .directory(home.toFile())
            .redirectErrorStream(true);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
    pb.environment().remove("MAVEN_OPTS");
    Process p = pb.start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean finished = p.waitFor(15, TimeUnit.MINUTES);
    // The transcript stays in target/ for whoever wants to read what the page's steps printed.
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "writing-rules-steps.log"), output);
    assertThat(finished).as("the page's steps finished within 15 minutes").isTrue();
    assertThat(p.exitValue()).as("the page's steps failed:\n" + output).isZero();

    for (int i = 1; i < blocks.size(); i++) {
      if (blocks.get(i).output() && blocks.get(i - 1).command()) {
        for (String line : blocks.get(i).body().lines().toList()) {
          assertThat(output).as("output shown on the page").contains(line.stripTrailing());
        }
      }
    }
    Path project = home.resolve("codeowners-plugin");
    assertThat(
            Files.readString(
                project.resolve(
                    "target/surefire-reports/TEST-com.acme.shipcheck.CodeownersPresentTest.xml")))
        .as("the plugin's own RuleTester tests ran")
        .contains("tests=\"4\"", "failures=\"0\"", "errors=\"0\"");
    JsonNode last = Json.mapper().readTree(project.resolve("report/shipcheck.json").toFile());
    assertThat(last.path("results").toString())
        .contains("\"ruleId\":\"OwnersNamed\",\"outcome\":\"PASS\"");
  }

  /** The page as one bash script: commands as written, files as here-documents. */
  static String script(List<Block> blocks) {
    StringBuilder sh = new StringBuilder("set -euxo pipefail\n");
    for (Block b : blocks) {
      if (b.skipped()) {
        continue;
      }
      Optional<String> file = b.file();
      if (file.isPresent()) {
        assertThat(b.body()).doesNotContain(EOF);
        sh.append("mkdir -p \"$(dirname '")
            .append(file.get())
            .append("')\"\ncat > '")
            .append(file.get())
            .append("' <<'")
            .append(EOF)
            .append("'\n")
            .append(b.body())
            .append(EOF)
            .append('\n');
      } else if (b.command()) {
        sh.append(b.body());
      }
    }
    return sh.toString();
  }

  /**
   * A local repository holding this build's parent POM, rule API, facts, rule kit and built-in
   * rules, as {@code mvn install} would leave them. Everything else comes from the machine's local
   * repository through {@link #settings()}, never from the network.
   */
  static Path stageArtifacts(Path repository) throws IOException {
    String version = version();
    stage(repository, "shipcheck-parent", version, ROOT.resolve("pom.xml"), Optional.empty());
    stage(repository, "scanner-core", version, module("scanner-core"), classes(Rule.class));
    stage(repository, "facts", version, module("facts"), classes(RepoFiles.class));
    stage(repository, "rule-kit", version, module("rule-kit"), classes(RuleTester.class));
    stage(repository, "rules", version, module("rules"), classes(CoreBranchesExist.class));
    return repository;
  }

  private static Path module(String name) {
    return ROOT.resolve(name).resolve("pom.xml");
  }

  private static Optional<Path> classes(Class<?> anchor) {
    try {
      return Optional.of(
          Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void stage(
      Path repository, String artifact, String version, Path pom, Optional<Path> classes)
      throws IOException {
    Path dir =
        Files.createDirectories(repository.resolve("dev/shipcheck/" + artifact + "/" + version));
    String base = artifact + "-" + version;
    Files.copy(pom, dir.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (classes.isEmpty()) {
      return;
    }
    Path jar = dir.resolve(base + ".jar");
    if (Files.isRegularFile(classes.get())) {
      Files.copy(classes.get(), jar, StandardCopyOption.REPLACE_EXISTING);
    } else {
      jar(classes.get(), jar);
    }
  }

  /** Jars a class directory (a module's target/classes when tests run before packaging). */
  private static void jar(Path classes, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jos = new JarOutputStream(out);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        jos.write(Files.readAllBytes(f));
        jos.closeEntry();
      }
    }
  }

  private static String version() throws IOException {
    Matcher m =
        Pattern.compile("<artifactId>shipcheck-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    assertThat(m.find()).as("the parent POM's version").isTrue();
    return m.group(1);
  }

  /**
   * Maven settings whose only repository is the machine's local repository, read as a file
   * repository without snapshots: third-party artifacts come from there, Shipcheck's own only from
   * the staged ones, so a snapshot another build installed cannot stand in for this one.
   */
  static String settings() {
    String local =
        Optional.ofNullable(System.getProperty("maven.repo.local"))
            .orElse(System.getProperty("user.home") + "/.m2/repository");
    String url = Path.of(local).toUri().toString();
    String repo =
        "<id>central</id><url>%s</url><snapshots><enabled>false</enabled></snapshots>"
            .formatted(url);
    return """
        <settings>
          <profiles>
            <profile>
              <id>local-only</id>
              <repositories><repository>%s</repository></repositories>
              <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>local-only</activeProfile></activeProfiles>
        </settings>
        """
        .formatted(repo, repo);
  }

  private static void executable(Path file, String command) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + command + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static Path onPath(String command) {
    for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
      Path p = Path.of(dir, command);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(command + " is not on the PATH; the docs test runs the page's steps");
  }
}
