package dev.shipcheck.cli;

/** A user's mistake: printed as one line (what, where, how to fix), exit code 2, no stack trace. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
