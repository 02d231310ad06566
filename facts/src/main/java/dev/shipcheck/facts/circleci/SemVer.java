package dev.shipcheck.facts.circleci;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A published orb version, {@code major.minor.patch} (orbs have no pre-release parts). */
public record SemVer(int major, int minor, int patch) implements Comparable<SemVer> {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})");
  private static final Comparator<SemVer> ORDER =
      Comparator.comparingInt(SemVer::major)
          .thenComparingInt(SemVer::minor)
          .thenComparingInt(SemVer::patch);

  public static Optional<SemVer> parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new SemVer(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
  }

  @Override
  public int compareTo(SemVer o) {
    return ORDER.compare(this, o);
  }

  /** How far {@code this} is behind {@code latest}: "2 major versions", "1 minor version", ... */
  public String behind(SemVer latest) {
    if (latest.major != major) {
      return plural(latest.major - major, "major version");
    }
    if (latest.minor != minor) {
      return plural(latest.minor - minor, "minor version");
    }
    return plural(latest.patch - patch, "patch version");
  }

  private static String plural(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
