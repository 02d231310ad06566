package dev.shipcheck.core.report;

/**
 * A data source and what the scan did with it. Never holds a secret.
 *
 * @param howToEnable for an unconfigured source, what the user sets to enable it
 */
public record SourceUsage(
    String name, boolean configured, String endpoint, long requests, String howToEnable) {}
