package dev.shipcheck.collectors.circleci;

/** The orb registry could not answer; the message says why in the user's terms. */
final class OrbRegistryException extends Exception {
  private static final long serialVersionUID = 1L;

  OrbRegistryException(String message) {
    super(message);
  }
}
