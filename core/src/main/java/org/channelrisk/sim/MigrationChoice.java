package org.channelrisk.sim;

import java.util.random.RandomGenerator;
import org.channelrisk.model.Platform;

/**
 * Where an operator re-creates a channel: a multinomial logit over the platforms of security rating,
 * user base, recent removals (a memory decaying with the scenario's time constant) and a bonus for
 * staying. Holds the per-platform removal memory of one run; the fixed utility terms are computed once.
 */
final class MigrationChoice {
  private final Scenario sc;
  private final int nPlatforms;
  private final double[] fixedUtility;
  private final double[] utility;
  private final double[] removalMemory;
  private final double[] removalMemoryTime;

  MigrationChoice(Scenario sc, Platform[] platforms) {
    this.sc = sc;
    nPlatforms = platforms.length;
    fixedUtility = new double[nPlatforms];
    for (int p = 0; p < nPlatforms; p++) {
      fixedUtility[p] = sc.migrationSecurityWeight() * platforms[p].securityRating().score()
          + sc.migrationUsersWeight() * Math.log(platforms[p].userBase() + 1.0);
    }
    utility = new double[nPlatforms];
    removalMemory = new double[nPlatforms];
    removalMemoryTime = new double[nPlatforms];
  }

  /** A removal on platform p at t adds one to its decaying memory. */
  void recordRemoval(int p, double t) {
    double decay = Math.exp(-(t - removalMemoryTime[p]) / sc.pressureMemoryDays());
    removalMemory[p] = removalMemory[p] * decay + 1;
    removalMemoryTime[p] = t;
  }

  /** A re-creation's platform: the logit over all platforms, with the stay bonus for {@code current}. */
  int choose(int current, double t, RandomGenerator rng) {
    if (nPlatforms == 1) {
      return current;
    }
    return logit(current, t, false, rng);
  }

  /** A move: the logit over the platforms other than {@code current}, without the stay bonus. */
  int chooseOther(int current, double t, RandomGenerator rng) {
    return logit(current, t, true, rng);
  }

  private int logit(int current, double t, boolean elsewhere, RandomGenerator rng) {
    double[] u = utility;
    double sum = weights(current, t, elsewhere, u);
    double r = rng.nextDouble() * sum;
    int last = -1;
    for (int p = 0; p < nPlatforms; p++) {
      if (u[p] > 0) {
        last = p;
      }
      r -= u[p];
      if (r < 0 && u[p] > 0) {
        return p;
      }
    }
    return elsewhere ? last : nPlatforms - 1;
  }

  /** The choice probabilities at t from {@code current} (for tests). */
  double[] probabilities(int current, double t, boolean elsewhere) {
    double[] pr = new double[nPlatforms];
    double sum = weights(current, t, elsewhere, pr);
    for (int p = 0; p < nPlatforms; p++) {
      pr[p] /= sum;
    }
    return pr;
  }

  /**
   * Fills {@code w} with each platform's logit weight exp(u_p - max u), 0 for {@code current} when the
   * choice is elsewhere; subtracting the largest utility keeps exp from overflowing.
   *
   * @return the sum of the weights
   */
  private double weights(int current, double t, boolean elsewhere, double[] w) {
    double max = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < nPlatforms; p++) {
      if (elsewhere && p == current) {
        w[p] = Double.NEGATIVE_INFINITY;
        continue;
      }
      double memory = removalMemory[p] * Math.exp(-(t - removalMemoryTime[p]) / sc.pressureMemoryDays());
      w[p] = fixedUtility[p]
          - sc.migrationPressureWeight() * Math.log1p(memory)
          + (p == current ? sc.migrationStayWeight() : 0);
      max = Math.max(max, w[p]);
    }
    double sum = 0;
    for (int p = 0; p < nPlatforms; p++) {
      w[p] = Math.exp(w[p] - max);
      sum += w[p];
    }
    return sum;
  }
}
