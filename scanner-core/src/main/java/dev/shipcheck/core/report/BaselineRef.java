package dev.shipcheck.core.report;

import java.time.Instant;
import java.util.List;

/**
 * The previous report a run was compared with.
 *
 * @param source the file as given on the command line
 * @param renames projects matched under another name (see {@code dev.shipcheck.history.Baselines})
 */
public record BaselineRef(
    String source, Instant startedAt, Target target, String policySha256, List<Rename> renames) {
  public BaselineRef {
    renames = List.copyOf(renames);
  }

  /**
   * A project whose baseline results were matched to another name.
   *
   * @param how {@code explicit} ({@code --baseline-rename OLD=NEW}) or {@code single-project} (both
   *     reports cover exactly one project)
   */
  public record Rename(String from, String to, String how) {}
}
