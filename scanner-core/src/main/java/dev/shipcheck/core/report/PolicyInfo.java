package dev.shipcheck.core.report;

/** Which policy a scan applied: the file as given (or the built-in default) and its SHA-256. */
public record PolicyInfo(String source, String sha256) {}
