package dev.shipcheck.facts.circleci;

/** An expression string CircleCI would reject; {@code column} is 1-based within the expression. */
public final class ExprSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int column;

  public ExprSyntaxException(String message, int column) {
    super(message + " at character " + column);
    this.column = column;
  }

  public int column() {
    return column;
  }
}
