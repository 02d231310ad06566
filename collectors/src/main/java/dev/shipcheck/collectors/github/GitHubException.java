package dev.shipcheck.collectors.github;

/** GitHub could not answer; the message says why in the user's terms (never with the token). */
public class GitHubException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean fatal;

  GitHubException(String message, boolean fatal) {
    super(message);
    this.fatal = fatal;
  }

  /** Whether retrying other requests is pointless (bad token, budget exhausted beyond the wait). */
  public boolean fatal() {
    return fatal;
  }
}
