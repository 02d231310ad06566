package dev.shipcheck.cli;

import dev.shipcheck.core.collect.SourceMetrics;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows an organisation scan's collection progress on stderr while it runs: a progress bar when
 * stderr is a terminal, otherwise a plain line every few seconds (CI logs), nothing with {@code
 * --quiet}. It only reads the scan's counters ({@code github.repositoriesDone} of {@code
 * github.repositoriesTotal}, requests, GraphQL points).
 */
final class Progress implements AutoCloseable {
  static final Duration LINE_EVERY = Duration.ofSeconds(5);

  private final SourceMetrics metrics;
  private final PrintStream err;
  private final boolean bar;
  private final Thread thread;
  private volatile boolean running = true;

  private Progress(SourceMetrics metrics, PrintStream err, boolean bar) {
    this.metrics = metrics;
    this.err = err;
    this.bar = bar;
    this.thread = new Thread(this::loop, "shipcheck-progress");
    this.thread.setDaemon(true);
  }

  /** Starts showing progress, unless {@code quiet}. */
  static Progress start(SourceMetrics metrics, Terminal terminal, boolean quiet) {
    Progress p = new Progress(metrics, terminal.err(), terminal.interactive());
    if (!quiet) {
      p.thread.start();
    }
    return p;
  }

  private void loop() {
    if (bar) {
      barLoop();
    } else {
      lineLoop();
    }
  }

  private void barLoop() {
    ProgressBar pb = null;
    try {
      while (running) {
        long total = metrics.get("github.repositoriesTotal");
        if (total > 0 && pb == null) {
          pb =
              new ProgressBarBuilder()
                  .setTaskName("GitHub")
                  .setInitialMax(total)
                  .setUnit(" repos", 1)
                  .setStyle(ProgressBarStyle.ASCII)
                  .setConsumer(new ConsoleProgressBarConsumer(err))
                  .setUpdateIntervalMillis(250)
                  .build();
        }
        if (pb != null) {
          pb.stepTo(metrics.get("github.repositoriesDone"));
          pb.setExtraMessage(counts());
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (pb != null) {
        pb.stepTo(metrics.get("github.repositoriesDone"));
        pb.close();
      }
    }
  }

  private void lineLoop() {
    try {
      while (running) {
        Thread.sleep(LINE_EVERY.toMillis());
        long total = metrics.get("github.repositoriesTotal");
        if (running && total > 0) {
          err.println(
              "github: "
                  + metrics.get("github.repositoriesDone")
                  + "/"
                  + total
                  + " repositories, "
                  + counts());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String counts() {
    return metrics.requests("github")
        + " requests, "
        + metrics.get("github.graphqlPoints")
        + " points";
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
