package dev.shipcheck.core.fact;

/**
 * Marker for an immutable record of something observed by a collector (or derived from other
 * facts). Every fact type carries {@link FactInfo} and is listed in {@link FactTypes}.
 */
public interface Fact {}
