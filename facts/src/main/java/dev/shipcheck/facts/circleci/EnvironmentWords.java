package dev.shipcheck.facts.circleci;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which environment a name or value names, by its words: a strong production word ({@code prod},
 * {@code production}, {@code prd}) decides first, then a word of {@code
 * circleci.nonProductionEnvironments}, then {@code live} (so {@code dev-live} and {@code uat_live}
 * are not production). The config rules and the deploy history judge names the same way through
 * this one class.
 */
public final class EnvironmentWords {
  private static final Set<String> STRONG_PRODUCTION = Set.of("prod", "production", "prd");
  private static final Set<String> PRODUCTION_WORDS = Set.of("prod", "production", "prd", "live");

  /** The word that decided, and whether it names production. */
  public record Decision(boolean production, String word) {}

  private final Set<String> nonProduction = new LinkedHashSet<>();

  public EnvironmentWords(CircleCiPolicy settings) {
    settings.nonProductionEnvironments().forEach(w -> nonProduction.add(lower(w)));
  }

  /** The environment {@code text} names, or empty when none of its words names one. */
  public Optional<Decision> decide(String text) {
    List<String> ws = words(text);
    for (String w : ws) {
      if (STRONG_PRODUCTION.contains(w)) {
        return Optional.of(new Decision(true, w));
      }
    }
    for (String w : ws) {
      if (nonProduction.contains(w)) {
        return Optional.of(new Decision(false, w));
      }
    }
    for (String w : ws) {
      if (PRODUCTION_WORDS.contains(w)) {
        return Optional.of(new Decision(true, w));
      }
    }
    return Optional.empty();
  }

  /**
   * Lower-case words of a name: split on anything not an ASCII letter or digit, on camelCase and
   * between letters and digits (one pass, no pattern: the name is the repository's).
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char prev = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean letter = c < 128 && Character.isLetter(c);
      boolean digit = c >= '0' && c <= '9';
      if (!letter && !digit) {
        flush(w, out);
      } else if (w.length() > 0
          && (Character.isLowerCase(prev) && Character.isUpperCase(c)
              || Character.isLetter(prev) && digit
              || Character.isDigit(prev) && letter)) {
        flush(w, out);
        w.append(c);
      } else {
        w.append(c);
      }
      prev = c;
    }
    flush(w, out);
    return out;
  }

  private static void flush(StringBuilder w, List<String> out) {
    if (w.length() > 0) {
      out.add(lower(w.toString()));
      w.setLength(0);
    }
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
