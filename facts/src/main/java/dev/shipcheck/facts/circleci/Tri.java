package dev.shipcheck.facts.circleci;

/**
 * Three-valued truth (Kleene logic): whether something happens on a branch when the answer may
 * depend on pipeline values a static reading of the config cannot know (e.g. the commit message).
 */
public enum Tri {
  YES,
  NO,
  MAYBE;

  public static Tri of(boolean b) {
    return b ? YES : NO;
  }

  public Tri and(Tri other) {
    if (this == NO || other == NO) {
      return NO;
    }
    return this == YES && other == YES ? YES : MAYBE;
  }

  public Tri or(Tri other) {
    if (this == YES || other == YES) {
      return YES;
    }
    return this == NO && other == NO ? NO : MAYBE;
  }

  public Tri not() {
    return switch (this) {
      case YES -> NO;
      case NO -> YES;
      case MAYBE -> MAYBE;
    };
  }

  /** YES or MAYBE: it cannot be ruled out. */
  public boolean possible() {
    return this != NO;
  }
}
