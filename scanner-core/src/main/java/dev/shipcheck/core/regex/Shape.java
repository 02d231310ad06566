package dev.shipcheck.core.regex;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Tracks a pattern's nesting, nested repetition and compiled size while it is read, and refuses it
 * past {@link LinearRegex}'s limits before RE2/J is asked to compile it (its parser recurses per
 * group, and it expands {@code x{1000}} into a thousand copies).
 */
final class Shape {
  private static final class Frame {
    long size;
    long product = 1;
  }

  private final String pattern;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private Frame current = new Frame();
  private long lastSize;
  private long lastProduct = 1;

  Shape(String pattern) {
    this.pattern = pattern;
  }

  /** An atom of {@code size} states (a character, a class, an assertion). */
  void atom(long size) {
    lastSize = size;
    lastProduct = 1;
    add(size, 0);
  }

  /** A group opens at {@code index}. */
  void open(int index) {
    frames.push(current);
    current = new Frame();
    if (frames.size() > LinearRegex.MAX_NESTING) {
      throw new RegexRefused(
          pattern,
          RegexRefused.Kind.TOO_COMPLEX,
          "nests groups more than " + LinearRegex.MAX_NESTING + " deep",
          index);
    }
  }

  /** The innermost group closes; it becomes the atom a quantifier applies to. */
  void close() {
    Frame inner = current;
    current = frames.isEmpty() ? new Frame() : frames.pop();
    lastSize = inner.size + 1;
    lastProduct = inner.product;
    current.product = Math.max(current.product, inner.product);
    add(lastSize, 0);
  }

  /** {@code |}: no atom for a quantifier to apply to. */
  void alternate() {
    lastSize = 0;
    lastProduct = 1;
  }

  /**
   * A quantifier at {@code index} makes {@code copies} copies of the last atom ({@code x{2,5}}
   * compiles to five; {@code x*} to one).
   */
  void repeat(long copies, boolean counted, int index) {
    long product = counted ? lastProduct * Math.max(1, copies) : lastProduct;
    if (product > LinearRegex.MAX_REPEAT) {
      throw new RegexRefused(
          pattern,
          RegexRefused.Kind.TOO_COMPLEX,
          "repeats to more than " + LinearRegex.MAX_REPEAT + " copies (nested counted repetition)",
          index);
    }
    current.product = Math.max(current.product, product);
    add(lastSize * (Math.max(1, copies) - 1), index);
    lastProduct = product;
    lastSize = lastSize * Math.max(1, copies);
  }

  /** The pattern ended. */
  void end() {
    if (!frames.isEmpty()) {
      throw new RegexRefused(pattern, RegexRefused.Kind.INVALID, "has an unclosed '('", -1);
    }
  }

  private void add(long size, int index) {
    current.size += size;
    long total = current.size;
    for (Frame f : frames) {
      total += f.size;
    }
    if (total > LinearRegex.MAX_SIZE) {
      throw new RegexRefused(
          pattern,
          RegexRefused.Kind.TOO_COMPLEX,
          "is too large (over " + LinearRegex.MAX_SIZE + " states once compiled)",
          index);
    }
  }
}
