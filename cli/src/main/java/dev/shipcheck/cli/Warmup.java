package dev.shipcheck.cli;

import dev.shipcheck.collectors.git.GitRepos;
import dev.shipcheck.core.Json;
import dev.shipcheck.core.policy.ClauseCatalog;
import dev.shipcheck.core.policy.Policy;
import dev.shipcheck.core.report.ScanReport;
import dev.shipcheck.core.rule.RuleCatalog;
import dev.shipcheck.facts.circleci.SchemaDiagnostics;
import dev.shipcheck.reports.sarif.SarifWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work done on the second core while the main thread reads the policy: the things a scan
 * needs a moment later (the rule and clause catalogues, jgit's classes and the repository, the
 * report writers, the CircleCI schema). Everything it touches is memoised or class initialisation,
 * so the main thread either finds it done or waits for it; nothing is computed twice, and a failure
 * here is only logged (the main thread then meets it itself, with the proper message).
 */
final class Warmup {
  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

  private Warmup() {}

  static void start(Optional<Path> repository, boolean policyFile) {
    // Jackson builds a (de)serializer per record type on first use and keeps it in the shared
    // mapper: building the policy's while the main thread parses the file, and the reports' while
    // it scans, takes that work off the critical path.
    Thread json =
        new Thread(
            () -> {
              try {
                if (policyFile) {
                  Json.mapper().readerFor(Policy.class);
                }
                Json.mapper().writerFor(ScanReport.class);
                SarifWriter.prepare();
              } catch (RuntimeException | LinkageError e) {
                LOG.debug("policy reader warm-up stopped early", e);
              }
            },
            "shipcheck-warmup-json");
    json.setDaemon(true);
    json.start();
    Thread t =
        new Thread(
            () -> {
              try {
                // Longest first: the CircleCI schema compiles on its own thread, and the scan's
                // CircleCiConfigured result waits for it.
                SchemaDiagnostics.prepareInBackground();
                if (repository.isPresent()) {
                  try (Repository repo = GitRepos.open(repository.get())) {
                    GitRepos.projectName(repo);
                  }
                }
                RuleCatalog.builtIn();
                ClauseCatalog.builtIn();
                Reports.writers();
              } catch (Exception | LinkageError e) {
                LOG.debug("warm-up stopped early", e);
              }
            },
            "shipcheck-warmup");
    t.setDaemon(true);
    t.start();
  }
}
