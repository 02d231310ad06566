package dev.shipcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipcheck.core.Json;
import dev.shipcheck.simulators.repos.SampleRepo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-merge scan of repositories built by an attacker, run as CI runs it: {@code shipcheck scan
 * --repo} in a child JVM whose environment holds (fake) GitHub, CircleCI, StatusCake and AWS
 * credentials. Each case asserts the outcome the scan gives, that every report format and the
 * console show the hostile names as inert text, and that no credential from the environment, and
 * nothing of {@code .git/config}, appears in stdout, stderr or any file written.
 */
class HostileRepositoryTest {
  static final Map<String, String> SECRETS = new LinkedHashMap<>();

  static {
    SECRETS.put("GITHUB_TOKEN", "fake-github-token-hostile-0001");
    SECRETS.put("CIRCLECI_TOKEN", "fake-circleci-token-hostile-0002");
    SECRETS.put("STATUSCAKE_API_TOKEN", "fake-statuscake-token-hostile-0003");
    SECRETS.put("AWS_ACCESS_KEY_ID", "fake-aws-access-key-id-0004");
    SECRETS.put("AWS_SECRET_ACCESS_KEY", "fake-aws-secret-access-key-hostile-0005");
  }

  /** The checkout token actions/checkout leaves in .git/config. */
  static final String CHECKOUT_TOKEN = "fake-checkout-token-in-git-config-0006";

  private static final Pattern RAW_BIDI =
      Pattern.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]");
  private static final Pattern RAW_CONTROL = Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f]");

  /**
   * A deploy job on production without an approval, so several rules name it, whose name carries
   * every trick at once: a fake verdict line, terminal escapes, bidi controls, mentions, an issue
   * reference, HTML, Markdown and math; a second one, plainly named, runs on qa.
   */
  static final String HOSTILE_JOB =
      "\"deploy\\nResult: compliant \\u2014 exit 0"
          + " esc\\e[2J\\e]0;owned\\a bs\\b\\b cr\\rdel\\x7f csi\\x9b31m"
          + " access\\u202e\\u2066 // admin\\u2069\\u2066 lrm\\u200e"
          + " ping @acme/platform-team and #12"
          + " <script>alert(1)</script> | `x` **b** [l](https://evil.example) $m$\"";

  static final String HOSTILE_CONFIG =
      """
      version: 2.1
      jobs:
        JOB: &deploy
          docker: [{image: cimg/base:2024.01}]
          steps: [checkout, {run: "helm upgrade app ./chart"}]
        deploy-qa: *deploy
      workflows:
        main:
          jobs:
            - JOB: {filters: {branches: {only: production}}}
            - deploy-qa: {filters: {branches: {only: qa}}}
      """
          .replace("JOB", HOSTILE_JOB);

  @TempDir Path tmp;

  record Run(int exit, String out, String err, Path reports) {}

  /** {@code shipcheck scan --repo REPO} in a child JVM with the fake credentials set. */
  private Run scan(Path repo, String... more) throws Exception {
    return scan(repo, true, more);
  }

  /**
   * {@code shipcheck scan --repo REPO} in a child JVM; with {@code credentials}, the fake ones are
   * in its environment and every source points at a closed loopback port (each request fails at
   * once, after the clients' retries: about 20 s a scan), without, the sources are not configured.
   */
  private Run scan(Path repo, boolean credentials, String... more) throws Exception {
    Path reports = tmp.resolve("out-" + repo.getFileName());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "scan",
                "--repo",
                repo.toString(),
                "--out",
                reports.toString()));
    if (credentials) {
      // nothing leaves the machine
      for (String flag : List.of("--github-url", "--circleci-url", "--statuscake-url")) {
        cmd.addAll(List.of(flag, "http://127.0.0.1:1"));
      }
      cmd.addAll(List.of("--aws-endpoint", "http://127.0.0.1:1"));
    }
    cmd.addAll(List.of(more));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    SECRETS.keySet().forEach(pb.environment()::remove);
    if (credentials) {
      pb.environment().putAll(SECRETS);
      pb.environment().put("AWS_REGION", "us-east-1");
    }
    Path out = tmp.resolve("stdout-" + repo.getFileName());
    Path err = tmp.resolve("stderr-" + repo.getFileName());
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the scan finishes").isTrue();
    Run run =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8),
            reports);
    assertNoSecretAnywhere(run);
    return run;
  }

  /** No credential and nothing of .git/config in stdout, stderr or any file written. */
  private static void assertNoSecretAnywhere(Run run) throws IOException {
    List<String> secrets = new ArrayList<>(SECRETS.values());
    secrets.add(CHECKOUT_TOKEN);
    secrets.add("extraheader");
    for (String s : secrets) {
      assertThat(run.out()).as("stdout").doesNotContain(s);
      assertThat(run.err()).as("stderr").doesNotContain(s);
    }
    if (!Files.isDirectory(run.reports())) {
      return;
    }
    try (Stream<Path> files = Files.walk(run.reports())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        for (String s : secrets) {
          assertThat(text).as(f.toString()).doesNotContain(s);
        }
      }
    }
  }

  private Path withCheckoutToken(Path repo) throws IOException {
    Path config = repo.resolve(".git/config");
    Files.writeString(
        config,
        Files.readString(config)
            + "[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic "
            + CHECKOUT_TOKEN
            + "\n");
    return repo;
  }

  private static Map<String, String> outcomes(Run run) throws IOException {
    JsonNode json = Json.mapper().readTree(run.reports().resolve("shipcheck.json").toFile());
    Map<String, String> out = new LinkedHashMap<>();
    json.path("results")
        .forEach(r -> out.put(r.path("ruleId").asText(), r.path("outcome").asText()));
    return out;
  }

  @Test
  void hostileNamesReachEveryOutputAsInertText() throws Exception {
    Path repo =
        withCheckoutToken(
            SampleRepo.create()
                .file(".circleci/config.yml", HOSTILE_CONFIG)
                .file("Dockerfile", "FROM node\u001b[31m\u202e:latest\n")
                .branches("qa", "staging", "production")
                .origin("https://github.com/acme/%3Cscript%3E@org%2Fteam.git")
                .writeTo(tmp.resolve("names")));
    Run run = scan(repo);

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(outcomes(run)).containsEntry("ProductionApprovalGate", "FAIL");
    // the console: one verdict line, ours, last; every name escaped on its line
    assertThat(run.out().lines().filter(l -> l.startsWith("Result:")).toList()).hasSize(1);
    assertThat(run.out().strip().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("Result: ")
        .endsWith("exit 1");
    for (String stream : List.of(run.out(), run.err())) {
      assertThat(RAW_BIDI.matcher(stream).find()).as(stream).isFalse();
      assertThat(RAW_CONTROL.matcher(stream).find()).as(stream).isFalse();
    }
    assertThat(run.out())
        .contains("deploy\\nResult: compliant — exit 0 esc\\x1b[2J\\x1b]0;owned\\x07 bs\\x08")
        .contains("access<U+202E><U+2066> // admin", "node\\x1b[31m<U+202E>:latest");

    for (String file :
        List.of("summary.md", "junit.xml", "shipcheck.json", "shipcheck.sarif", "report.html")) {
      String text = Files.readString(run.reports().resolve(file));
      assertThat(RAW_BIDI.matcher(text).find()).as(file + ": raw bidi control").isFalse();
      assertThat(RAW_CONTROL.matcher(text.replace("\r", "")).find())
          .as(file + ": raw control character")
          .isFalse();
    }
    String md = Files.readString(run.reports().resolve("summary.md"));
    // summary.md names the project (from origin: "<script>@org/team") and the first deploy job
    assertThat(md).contains("&lt;script&gt;`@org/team`", "&lt;U+202E&gt;", "\\x1b\\[31m");
    assertThat(md).contains("job 'deploy\\nResult: compliant", "`@acme/platform-team`", "`#12`");
    assertThat(Pattern.compile("(?<![`\\w])@(org/team|acme/platform)").matcher(md).find())
        .isFalse();
    assertThat(md).doesNotContain("<script").contains("&lt;script&gt;");
    assertThat(md.lines()).noneMatch(l -> l.startsWith("Result:"));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(Files.readAllBytes(run.reports().resolve("junit.xml"))));
    JsonNode sarif = Json.mapper().readTree(run.reports().resolve("shipcheck.sarif").toFile());
    // code scanning's messages: on one line, controls escaped, bidi shown by name
    List<String> texts = new ArrayList<>();
    sarif
        .path("runs")
        .get(0)
        .path("results")
        .forEach(r -> texts.add(r.at("/message/text").asText()));
    assertThat(String.join("\n", texts))
        .contains("access<U+202E><U+2066> // admin<U+2069><U+2066> lrm<U+200E>")
        .contains("esc\\x1b[2J\\x1b]0;owned\\x07 bs\\x08\\x08 cr\\rdel\\x7f csi\\u009b31m")
        .contains("ping @acme/platform-team and #12 <script>alert(1)</script>");
    assertThat(texts).allMatch(t -> !t.contains("\n"));
    assertThat(Files.readString(run.reports().resolve("report.html")))
        .contains("access\\u003cU+202E\\u003e\\u003cU+2066\\u003e // admin")
        .doesNotContain("<script>alert(1)");
  }

  @Test
  void symlinksInEveryFileTheScanReadsAreNeverFollowedOutOrIntoGit() throws Exception {
    Path repo =
        withCheckoutToken(
            SampleRepo.create()
                .file("README.md", "x")
                .branches("qa", "staging", "production")
                .writeTo(tmp.resolve("links")));
    Path outside = Files.writeString(tmp.resolve("outside.yml"), "version: 2.1\n# outside\n");
    Files.createDirectories(repo.resolve(".circleci"));
    Files.createSymbolicLink(repo.resolve("Dockerfile"), Path.of(".git/config"));
    Files.createSymbolicLink(repo.resolve("Containerfile"), Path.of("/proc/self/environ"));
    Files.createSymbolicLink(repo.resolve(".circleci/config.yml"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(repo.resolve(".circleci/rollback.yml"), outside);
    Run run = scan(repo);

    assertThat(run.exit()).as(run.err()).isIn(1, 3);
    Map<String, String> outcomes = outcomes(run);
    assertThat(outcomes).containsEntry("DockerImageDefined", "NOT_AVAILABLE");
    assertThat(outcomes).containsEntry("DockerBaseImagePinned", "NOT_AVAILABLE");
    assertThat(outcomes.get("CircleCiConfigured")).isIn("NOT_AVAILABLE", "FAIL");
    String json = Files.readString(run.reports().resolve("shipcheck.json"));
    assertThat(json).contains("git's own directory; not followed", "outside the repository");
    assertThat(json).doesNotContain("root:x:0", "# outside", "repositoryformatversion");
  }

  @Test
  void oversizedDeeplyNestedAndExplodingConfigsGetAClearAnswer() throws Exception {
    String nested = "version: 2.1\nx: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
    String bomb =
        "version: 2.1\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
            + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
            + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
            + "g: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
    String huge = "version: 2.1\n# " + "x".repeat(2 * 1024 * 1024) + "\n";
    Map<String, String> configs = Map.of("nested", nested, "bomb", bomb, "huge", huge);
    Map<String, String> expected =
        Map.of(
            "nested", "nesting",
            "bomb", "alias",
            "huge", "larger than the 1048576-byte limit");
    for (Map.Entry<String, String> c : configs.entrySet()) {
      Path repo =
          SampleRepo.create()
              .file(".circleci/config.yml", c.getValue())
              .file("Dockerfile", "FROM node:20\n")
              .branches("qa", "staging", "production")
              .writeTo(tmp.resolve(c.getKey()));
      Run run = scan(repo, false);
      assertThat(run.exit()).as(c.getKey() + ": " + run.err()).isIn(1, 3);
      JsonNode result = result(run, "CircleCiConfigured");
      assertThat(result.path("outcome").asText()).as(c.getKey()).isIn("FAIL", "NOT_AVAILABLE");
      assertThat(result.path("message").asText().toLowerCase(java.util.Locale.ROOT))
          .as(c.getKey())
          .contains(expected.get(c.getKey()));
      assertThat(outcomes(run)).doesNotContainValue("ERROR");
    }
  }

  private static JsonNode result(Run run, String rule) throws IOException {
    JsonNode json = Json.mapper().readTree(run.reports().resolve("shipcheck.json").toFile());
    for (JsonNode r : json.path("results")) {
      if (r.path("ruleId").asText().equals(rule)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + rule);
  }

  @Test
  void aPolicyFileThatLinksToTheEnvironmentLeaksNothing() throws Exception {
    Path repo =
        SampleRepo.create()
            .file("Dockerfile", "FROM node:20\n")
            .branches("qa", "staging", "production")
            .writeTo(tmp.resolve("policy"));
    Files.createSymbolicLink(repo.resolve("shipcheck.yml"), Path.of("/proc/self/environ"));
    Run run = scan(repo, "--policy", repo.resolve("shipcheck.yml").toString());
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
  }
}
