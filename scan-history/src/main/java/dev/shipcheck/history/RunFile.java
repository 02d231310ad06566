package dev.shipcheck.history;

/**
 * A run's {@code shipcheck.json} in the history directory, as the audit log records it, so a later
 * run can tell an intact file from a damaged one.
 *
 * @param path relative to the history directory, e.g. {@code runs/000042.json}
 */
public record RunFile(String path, long bytes, String sha256) {}
