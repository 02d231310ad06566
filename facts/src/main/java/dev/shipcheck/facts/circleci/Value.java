package dev.shipcheck.facts.circleci;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value in a CircleCI expression or logic statement: a string, number, boolean, null, or a value
 * not known when reading the config statically (e.g. {@code pipeline.git.commit.subject}).
 */
public sealed interface Value {
  Value NULL = new Null();
  Value TRUE = new Bool(true);
  Value FALSE = new Bool(false);

  static Value of(boolean b) {
    return b ? TRUE : FALSE;
  }

  static Value unknown(String what) {
    return new Unknown(what);
  }

  /** CircleCI truthiness: false, null, 0, NaN and the empty string are false. */
  Tri truth();

  /** The text CircleCI would insert for this value in a template. */
  String text();

  default boolean known() {
    return !(this instanceof Unknown);
  }

  /** A string value. */
  record Str(String value) implements Value {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Tri truth() {
      return Tri.of(!value.isEmpty());
    }

    @Override
    public String text() {
      return value;
    }
  }

  /** A number. */
  record Num(BigDecimal value) implements Value {
    public Num {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Tri truth() {
      return Tri.of(value.signum() != 0);
    }

    @Override
    public String text() {
      return value.stripTrailingZeros().toPlainString();
    }
  }

  /** A boolean. */
  record Bool(boolean value) implements Value {
    @Override
    public Tri truth() {
      return Tri.of(value);
    }

    @Override
    public String text() {
      return Boolean.toString(value);
    }
  }

  /** The null value (an unset optional). */
  record Null() implements Value {
    @Override
    public Tri truth() {
      return Tri.NO;
    }

    @Override
    public String text() {
      return "";
    }
  }

  /** A value not known statically; {@code what} names it for messages. */
  record Unknown(String what) implements Value {
    @Override
    public Tri truth() {
      return Tri.MAYBE;
    }

    @Override
    public String text() {
      return "<< " + what + " >>";
    }
  }
}
