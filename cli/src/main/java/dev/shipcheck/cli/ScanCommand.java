package dev.shipcheck.cli;

import dev.shipcheck.collectors.git.GitRepos;
import dev.shipcheck.core.collect.ScanMode;
import dev.shipcheck.core.collect.Source;
import dev.shipcheck.core.collect.SourceContext;
import dev.shipcheck.core.collect.SourceMetrics;
import dev.shipcheck.core.engine.ExitCode;
import dev.shipcheck.core.engine.FactPlan;
import dev.shipcheck.core.engine.FactStore;
import dev.shipcheck.core.engine.FactsSnapshot;
import dev.shipcheck.core.engine.Scan;
import dev.shipcheck.core.engine.ScanSetup;
import dev.shipcheck.core.fact.Fact;
import dev.shipcheck.core.fact.Project;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.policy.LoadedPolicy;
import dev.shipcheck.core.report.PolicyNote;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.report.Target;
import dev.shipcheck.core.rule.RuleCatalog;
import dev.shipcheck.facts.github.GitHubRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.eclipse.jgit.lib.Repository;

/** {@code shipcheck scan}: the pre-merge scan of a checkout, or a re-run from saved facts. */
final class ScanCommand implements Command {
  static final List<String> ENDPOINT_OPTIONS =
      List.of("github-url", "circleci-url", "aws-endpoint", "aws-profile", "statuscake-url");

  /** The endpoint flags, each of which also asks for its source in a scan of a repository. */
  private static final Map<String, String> FLAG_ASKS_FOR =
      Map.of(
          "github-url", "github",
          "circleci-url", "circleci",
          "aws-endpoint", "aws",
          "aws-profile", "aws",
          "statuscake-url", "statuscake");

  @Override
  public String name() {
    return "scan";
  }

  @Override
  public String summary() {
    return "check a repository against the policy and write reports";
  }

  static Options options() {
    Options o = new Options();
    o.addOption(
        Args.value("repo", "PATH", "the git checkout to scan (default: the current directory)"));
    o.addOption(
        Args.value(
            "github-org", "ORG", "scan every repository of this GitHub organisation instead"));
    o.addOption(
        Args.value(
            "shard",
            "K/N",
            "with --github-org: scan only shard K of N (split by repository name; merge the"
                + " shards' shipcheck.json with 'shipcheck merge')"));
    o.addOption(Args.value("policy", "FILE", "policy file (default: the built-in default policy)"));
    o.addOption(
        Args.flag(
            PolicyTrust.FLAG,
            "apply a policy file inside the scanned repository in full, its sources: and plugins:"
                + " included (only for a file the operator wrote, never a pull request's)"));
    o.addOption(
        Args.value(
            SourceContext.USE_OPTION,
            "SOURCE[,SOURCE]",
            "with --repo: also call these sources ("
                + String.join(", ", Sources.outside())
                + "); a scan of a repository calls none unless asked, tokens or not"));
    o.addOption(
        Args.value(
            PolicyChange.FLAG,
            "REF",
            "with --repo: the base branch to compare the policy file with, to name what a change"
                + " to it grants (default: origin/HEAD, else origin/main, else origin/master)"));
    o.addOption(
        Args.value(
            RuleSetup.PLUGINS_OPTION,
            "DIR",
            "a directory of rule plugin jars; repeatable (adds to the policy's plugins:)"));
    o.addOption(
        Args.value(
            "out",
            "DIR",
            "report directory, its set of files replaced as a whole (default: shipcheck-report)"));
    o.addOption(
        Args.value(
            "format",
            "LIST",
            "report formats, comma-separated (default: all of "
                + String.join(",", Reports.formats())
                + ")"));
    GateOptions.add(o);
    o.addOption(Args.value("save-facts", "FILE", "save what the scanner saw, as JSON"));
    o.addOption(Args.value("from-facts", "FILE", "evaluate saved facts instead of collecting"));
    o.addOption(
        Args.value("github-url", "URL", "GitHub API endpoint (GitHub Enterprise, proxies)"));
    o.addOption(Args.value("circleci-url", "URL", "CircleCI endpoint"));
    o.addOption(
        Args.value(
            "since",
            "DATE",
            "first day (YYYY-MM-DD, UTC) of the audit period for operating evidence (default: the"
                + " last evidence.windowDays days)"));
    o.addOption(
        Args.value(
            "until", "DATE", "last day (YYYY-MM-DD, UTC) of the audit period (default: today)"));
    o.addOption(Args.value("aws-endpoint", "URL", "AWS Organizations endpoint"));
    o.addOption(Args.value("aws-profile", "NAME", "AWS credentials profile"));
    o.addOption(Args.value("statuscake-url", "URL", "StatusCake API endpoint"));
    o.addOption(Args.flag("quiet", "print only the result line (and no progress)"));
    OrgScan.options().forEach(o::addOption);
    return Args.withCommon(o);
  }

  @Override
  public int run(String[] args, Terminal terminal) throws Exception {
    Options options = options();
    CommandLine cl = Args.parse(name(), options, args);
    if (cl.hasOption("help")) {
      terminal
          .out()
          .print(
              Args.help(
                  "shipcheck scan [options]",
                  "Checks a repository against the deployment policy. Exit codes: 0 nothing at or above"
                      + " --fail-on; 1 a FAIL at or above it (with --baseline: a new or worse one);"
                      + " 2 bad invocation, invalid policy or unreadable baseline; 3 no violations but"
                      + " something could not be checked (a baseline does not change that).",
                  options,
                  "Tokens come from GITHUB_TOKEN, CIRCLECI_TOKEN, STATUSCAKE_API_TOKEN and AWS's default"
                      + " credential chain. With --repo, a source other than git is called only when"
                      + " asked for (--use, its endpoint flag, or the policy's require:); otherwise,"
                      + " or without its credentials, its rules are NOT_RUN. A credential is never"
                      + " sent over plain http to a host other than this machine (exit 2). A policy"
                      + " file inside the scanned repository is that repository's: its sources: and"
                      + " plugins: are ignored (with a note) unless --trust-policy is given; in a"
                      + " pre-merge job, take the policy from the base branch or a central"
                      + " repository (git show origin/main:shipcheck.yml > /tmp/policy.yml)."));
      return ExitCode.OK;
    }
    if (cl.hasOption("shard") && !cl.hasOption("github-org")) {
      throw new UsageException("scan: --shard splits an organisation; it needs --github-org");
    }
    if (!cl.getArgList().isEmpty()) {
      throw new UsageException(
          "scan: unexpected argument '"
              + cl.getArgList().get(0)
              + "' (see 'shipcheck scan --help')");
    }
    if (!cl.hasOption("from-facts") && !cl.hasOption("github-org")) {
      Warmup.start(Optional.of(Path.of(cl.getOptionValue("repo", "."))), cl.hasOption("policy"));
    }
    GateOptions gate = GateOptions.parse(cl);
    List<String> formats = Reports.select(cl.getOptionValue("format"));
    use(cl);
    LoadedPolicy written = Policies.load(cl.getOptionValue("policy"));
    Optional<LocalRepo> repo = localScan(cl) ? Optional.of(LocalRepo.open(cl)) : Optional.empty();
    PolicyTrust.Decision trust =
        PolicyTrust.decide(written, repo.map(LocalRepo::root), cl.hasOption(PolicyTrust.FLAG));
    // Said first: if the withheld plugins: held rules the file configures, the policy is invalid
    // without them, and this line says why.
    trust.note().ifPresent(n -> note(terminal, n));
    List<PolicyNote> notes = new ArrayList<>(trust.note().stream().toList());
    LoadedPolicy policy = trust.policy();
    try (RuleSetup rules = RuleSetup.of(policy, pluginDirs(cl), terminal)) {
      if (repo.isPresent()) {
        Optional<PolicyNote> change =
            PolicyChange.check(
                written,
                repo.get().root(),
                Optional.ofNullable(cl.getOptionValue(PolicyChange.FLAG)),
                rules.catalog());
        change.ifPresent(n -> note(terminal, n));
        change.ifPresent(notes::add);
      }
      return scan(cl, policy, repo, rules, gate, formats, terminal, notes);
    }
  }

  private static void note(Terminal terminal, PolicyNote note) {
    terminal.err().println("shipcheck: " + Terminal.clean(note.message()));
  }

  private static boolean localScan(CommandLine cl) {
    return !cl.hasOption("from-facts") && !cl.hasOption("github-org");
  }

  /** The checkout of a scan of a repository: its project name and working tree. */
  record LocalRepo(String name, Path root) {
    static LocalRepo open(CommandLine cl) throws UsageException {
      Path dir = Path.of(cl.getOptionValue("repo", "."));
      try (Repository repo = GitRepos.open(dir)) {
        return new LocalRepo(GitRepos.projectName(repo), repo.getWorkTree().toPath());
      } catch (GitRepos.NotARepositoryException e) {
        throw new UsageException("scan: --repo: " + e.getMessage());
      }
    }
  }

  /** The sources {@code --use} names, each one this build knows. */
  private static List<String> use(CommandLine cl) throws UsageException {
    List<String> names = new ArrayList<>();
    List<String> known = Sources.outside();
    for (String v :
        Optional.ofNullable(cl.getOptionValues(SourceContext.USE_OPTION)).orElse(new String[0])) {
      for (String name : v.split(",")) {
        String n = name.strip();
        if (n.isEmpty()) {
          continue;
        }
        if (!known.contains(n)) {
          throw new UsageException(
              "scan: --use: unknown source '"
                  + n
                  + "' (sources: "
                  + String.join(", ", known)
                  + ")");
        }
        names.add(n);
      }
    }
    return names;
  }

  static List<String> pluginDirs(CommandLine cl) {
    String[] values = cl.getOptionValues(RuleSetup.PLUGINS_OPTION);
    return values == null ? List.of() : List.of(values);
  }

  private int scan(
      CommandLine cl,
      LoadedPolicy policy,
      Optional<LocalRepo> repo,
      RuleSetup rules,
      GateOptions gate,
      List<String> formats,
      Terminal terminal,
      List<PolicyNote> notes)
      throws Exception {
    RuleCatalog catalog = rules.catalog();
    ClauseCatalog clauses = rules.clauses();
    ScanSetup setup =
        cl.hasOption("from-facts")
            ? fromFacts(
                Path.of(cl.getOptionValue("from-facts")), policy, catalog, clauses, terminal)
            : cl.hasOption("github-org")
                ? OrgScan.setup(cl, policy, catalog, clauses, terminal)
                : local(cl, repo.orElseThrow(), policy, catalog, clauses, terminal);
    SourceMetrics metrics = new SourceMetrics();
    Scan.Outcome outcome;
    try (Progress progress =
        Progress.start(metrics, terminal, cl.hasOption("quiet") || !cl.hasOption("github-org"))) {
      outcome = Scan.run(setup, metrics);
    }
    ScanReport report = outcome.report().withPolicyNotes(notes);
    if (cl.hasOption("save-facts")) {
      saveFacts(Path.of(cl.getOptionValue("save-facts")), outcome.facts(), report, setup);
    }
    Path out = Path.of(cl.getOptionValue("out", "shipcheck-report"));
    return new ScanFinish(gate, terminal, cl.hasOption("quiet")).finish(report, formats, out);
  }

  private static ScanSetup local(
      CommandLine cl,
      LocalRepo repo,
      LoadedPolicy policy,
      RuleCatalog catalog,
      ClauseCatalog clauses,
      Terminal terminal)
      throws UsageException, Policies.InvalidPolicyException {
    String name = repo.name();
    Path root = repo.root();
    SourceContext context =
        new SourceContext(
            ScanMode.LOCAL,
            Optional.of(root),
            Optional.empty(),
            policy,
            endpointOptions(cl),
            terminal.env(),
            terminal.clock());
    List<Source> sources = Sources.create(context);
    Policies.checkRequiredSources(policy, sources);
    return new ScanSetup(
        policy,
        catalog,
        clauses,
        Target.repository(name),
        List.of(new Project(name)),
        sources,
        Optional.empty(),
        terminal.clock());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The options the sources read: endpoints, GitHub tuning, and {@value SourceContext#USE_OPTION},
   * the sources asked for by {@code --use} or by giving their endpoint flag.
   */
  static Map<String, String> endpointOptions(CommandLine cl) throws UsageException {
    Map<String, String> options = new java.util.HashMap<>();
    Set<String> use = new LinkedHashSet<>(use(cl));
    for (String o : concat(ENDPOINT_OPTIONS, OrgScan.GITHUB_OPTIONS)) {
      if (cl.hasOption(o)) {
        options.put(o, cl.getOptionValue(o));
        Optional.ofNullable(FLAG_ASKS_FOR.get(o)).ifPresent(use::add);
      }
    }
    options.put(SourceContext.USE_OPTION, String.join(",", use));
    for (String o :
        List.of(
            dev.shipcheck.facts.evidence.EvidencePolicy.SINCE_OPTION,
            dev.shipcheck.facts.evidence.EvidencePolicy.UNTIL_OPTION)) {
      if (cl.hasOption(o)) {
        String date = cl.getOptionValue(o).strip();
        try {
          java.time.LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
          throw new UsageException("--" + o + " needs a date as YYYY-MM-DD, not '" + date + "'");
        }
        options.put(o, date);
      }
    }
    return options;
  }

  private static ScanSetup fromFacts(
      Path file, LoadedPolicy policy, RuleCatalog catalog, ClauseCatalog clauses, Terminal terminal)
      throws UsageException, IOException {
    Set<Class<? extends Fact>> known = new LinkedHashSet<>(FactPlan.needed(catalog.rules()));
    // Read whatever no rule reads but the engine does: archived repositories stay not applicable.
    known.add(GitHubRepository.class);
    FactsSnapshot.Loaded loaded;
    try (InputStream in = Files.newInputStream(file)) {
      loaded = FactsSnapshot.read(in, file.toString(), known);
    } catch (NoSuchFileException e) {
      throw new UsageException("scan: --from-facts: no such file: " + file);
    } catch (FactsSnapshot.SnapshotException e) {
      throw new UsageException("scan: --from-facts: " + e.getMessage());
    }
    return new ScanSetup(
        policy,
        catalog,
        clauses,
        loaded.target(),
        loaded.projects(),
        List.of(),
        Optional.of(loaded.facts()),
        terminal.clock());
  }

  private static void saveFacts(Path file, FactStore facts, ScanReport report, ScanSetup setup)
      throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    try (AtomicReportOutput out = new AtomicReportOutput(dir)) {
      try (OutputStream os = out.open(file.getFileName().toString())) {
        FactsSnapshot.write(
            facts, report.target(), new ArrayList<>(setup.projects()), report.startedAt(), os);
      }
      out.commit();
    }
  }
}
