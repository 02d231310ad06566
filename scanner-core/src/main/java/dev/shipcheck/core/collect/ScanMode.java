package dev.shipcheck.core.collect;

/** What a scan looks at: a local checkout (pre-merge) or a whole GitHub organisation (nightly). */
public enum ScanMode {
  LOCAL,
  ORGANIZATION
}
