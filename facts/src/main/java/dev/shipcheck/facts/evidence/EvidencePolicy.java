package dev.shipcheck.facts.evidence;

import dev.shipcheck.core.policy.PolicySection;

/**
 * The policy's {@code evidence:} section: the audit period that operating evidence (deploys that
 * ran, changes that reached production) is gathered for, unless {@code --since}/{@code --until}
 * name one.
 *
 * @param windowDays the default period: the last this many days up to the scan
 */
public record EvidencePolicy(int windowDays) {
  public static final PolicySection<EvidencePolicy> SECTION = new Section();

  /** The command-line options naming the period's first and last day (ISO dates, UTC). */
  public static final String SINCE_OPTION = "since";

  public static final String UNTIL_OPTION = "until";

  public EvidencePolicy {
    if (windowDays < 1) {
      throw new IllegalArgumentException("evidence.windowDays must be at least 1");
    }
  }

  /** Registered with {@link java.util.ServiceLoader}; read it through {@link #SECTION}. */
  public static final class Section implements PolicySection<EvidencePolicy> {
    @Override
    public String key() {
      return "evidence";
    }

    @Override
    public Class<EvidencePolicy> type() {
      return EvidencePolicy.class;
    }

    @Override
    public EvidencePolicy defaults() {
      return new EvidencePolicy(90);
    }

    @Override
    public String schemaResource() {
      return "policy-section.json";
    }

    @Override
    public int order() {
      return 60;
    }

    @Override
    public String starter() {
      return """
          # The audit period for operating evidence (deploys that ran, changes that reached
          # production): the last windowDays days, unless --since/--until name one.
          evidence:
            windowDays: 90
          """;
    }
  }
}
