package dev.shipcheck.core.rule;

/**
 * The version of the rule API a plugin jar is compiled against: {@link Rule}, {@link PolicyRule},
 * {@link Verdict}, {@link RuleContext}, {@link dev.shipcheck.core.fact.Facts} and the fact records
 * rules read. A plugin jar names the version it was built for in its manifest ({@value
 * #MANIFEST_ATTRIBUTE}{@code : 1}); Shipcheck loads only jars built for the version it runs.
 *
 * <p>The number goes up when a change would break a compiled plugin (a method removed or its
 * signature changed, a fact record's components changed). Additions that old plugins cannot notice,
 * such as a new optional annotation element or a new fact type, keep it.
 */
public final class RuleApi {
  /** The rule API of this build. */
  public static final int VERSION = 1;

  /** The manifest attribute of a plugin jar that names the rule API it was built for. */
  public static final String MANIFEST_ATTRIBUTE = "Shipcheck-Rule-API";

  private RuleApi() {}
}
