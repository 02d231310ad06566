package dev.shipcheck.core.yaml;

/** A YAML document that cannot be read, with where and why. */
public final class YamlException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String sourceName;
  private final Position position;
  private final String problem;

  public YamlException(String sourceName, Position position, String problem) {
    super(
        sourceName
            + (position.line() > 0 ? ":" + position.line() + ":" + position.column() : "")
            + ": "
            + problem);
    this.sourceName = sourceName;
    this.position = position;
    this.problem = problem;
  }

  public String sourceName() {
    return sourceName;
  }

  public Position position() {
    return position;
  }

  /** The problem without the location prefix. */
  public String problem() {
    return problem;
  }
}
