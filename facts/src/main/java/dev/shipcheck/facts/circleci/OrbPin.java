package dev.shipcheck.facts.circleci;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The version part of an orb reference ({@code ns/name@PIN}) and what it resolves to. */
public sealed interface OrbPin {

  /** The pin as written after {@code @}. */
  String written();

  /** {@code @1.2.3}: exactly that release. */
  record Exact(String written, SemVer version) implements OrbPin {}

  /** {@code @1.2} (patch updates) or {@code @1} (minor and patch updates). */
  record Floating(String written, int major, Optional<Integer> minor) implements OrbPin {
    public boolean contains(SemVer v) {
      return v.major() == major && minor.map(m -> m == v.minor()).orElse(true);
    }
  }

  /** {@code @volatile}: whatever was published last; not reproducible. */
  record Volatile(String written) implements OrbPin {}

  /** {@code @dev:label}: a mutable development version that expires. */
  record Dev(String written, String label) implements OrbPin {}

  /**
   * {@code @<< pipeline.parameters.x >>}: chosen per pipeline; {@code byDefault} is the pin the
   * parameter's default gives, which a push pipeline uses.
   */
  record Parameter(String written, Optional<OrbPin> byDefault) implements OrbPin {}

  /** Anything else, which CircleCI rejects. */
  record Invalid(String written) implements OrbPin {}

  Pattern EXACT = Pattern.compile("\\d+\\.\\d+\\.\\d+");
  Pattern FLOATING = Pattern.compile("(\\d+)(?:\\.(\\d+))?");

  /** Parses a pin that is not a parameter. */
  static OrbPin parse(String pin) {
    String p = pin.trim();
    if (EXACT.matcher(p).matches()) {
      return SemVer.parse(p).<OrbPin>map(v -> new Exact(pin, v)).orElse(new Invalid(pin));
    }
    Matcher m = FLOATING.matcher(p);
    if (m.matches() && p.length() < 20) {
      return new Floating(
          pin,
          Integer.parseInt(m.group(1)),
          Optional.ofNullable(m.group(2)).map(Integer::parseInt));
    }
    if (p.equals("volatile")) {
      return new Volatile(pin);
    }
    if (p.startsWith("dev:") && p.length() > 4) {
      return new Dev(pin, p.substring(4));
    }
    return new Invalid(pin);
  }

  /** The pin that applies in a push pipeline (a parameter's default), if any. */
  default Optional<OrbPin> effective() {
    if (this instanceof Parameter p) {
      return p.byDefault();
    }
    return Optional.of(this);
  }
}
