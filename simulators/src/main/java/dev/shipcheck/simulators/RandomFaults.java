package dev.shipcheck.simulators;

import java.util.Random;

/**
 * Picks which requests a simulator fails when asked to fail a share of them ({@code shipcheck
 * simulate --faults RATE}). The sequence has a fixed seed, so a benchmark run is repeatable.
 */
public final class RandomFaults {
  private final Random random = new Random(20_260_101L);
  private double rate;

  public RandomFaults(double rate) {
    rate(rate);
  }

  /** The share of requests to fail, from 0 (none) to 1 (all). */
  public synchronized void rate(double newRate) {
    if (newRate < 0 || newRate > 1 || Double.isNaN(newRate)) {
      throw new IllegalArgumentException("fault rate must be between 0 and 1, not " + newRate);
    }
    rate = newRate;
  }

  /** Whether this request fails. */
  public synchronized boolean strike() {
    return rate > 0 && random.nextDouble() < rate;
  }
}
