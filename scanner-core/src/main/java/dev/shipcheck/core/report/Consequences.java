package dev.shipcheck.core.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Results that follow from another result of the same project ({@link Result#cause()}: no CircleCI
 * config makes the approval gate fail), listed right after the result that causes them, so one
 * missing file reads as one problem with its consequences.
 */
public final class Consequences {
  private Consequences() {}

  /**
   * {@code rows} in their order, except that a result whose cause is among them (same project)
   * moves to just after that cause; results whose cause is not among them stay where they are.
   */
  public static List<Result> causesFirst(List<Result> rows) {
    Set<Result> placed = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Result> out = new ArrayList<>(rows.size());
    for (Result r : rows) {
      if (placed.contains(r) || follows(r, rows)) {
        continue;
      }
      out.add(r);
      placed.add(r);
      for (Result c : rows) {
        if (!placed.contains(c) && causedBy(c, r)) {
          out.add(c);
          placed.add(c);
        }
      }
    }
    for (Result r : rows) {
      if (!placed.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Whether {@code r} is a consequence of another of {@code rows} (and is listed under it). */
  public static boolean follows(Result r, List<Result> rows) {
    return r.cause().isPresent() && rows.stream().anyMatch(c -> causedBy(r, c));
  }

  private static boolean causedBy(Result r, Result cause) {
    return r.cause().isPresent()
        && !r.ruleId().equals(cause.ruleId())
        && r.cause().get().equals(cause.ruleId())
        && Objects.equals(r.project(), cause.project());
  }
}
