package org.channelrisk.sim;

import java.util.List;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.model.Platform;

/**
 * The mean-field twin of the simulator: the expected dynamics as ordinary differential equations,
 * solved with Commons Math's Dormand-Prince 8(5,3) integrator, for the scenarios where all clocks are
 * exponential and channels are alike. The ensemble mean of the stochastic model converges to it as the
 * number of channels grows; that, and the closed form below, are the main checks of the simulator.
 *
 * <p>States: A (active, no removal pending), P (active, removal pending after a complied referral), W
 * (removed, re-creation scheduled). With d the detection rate, c the compliance, m the proactive
 * moderation hazard, lambda = 1 / mean latency, b the re-creation probability, rho = 1 / mean delay:
 * <pre>
 *   dA/dt = -(d c + m) A + rho W
 *   dP/dt =  d c A - (m + lambda) P
 *   dW/dt =  b (m A + (m + lambda) P) - rho W
 * </pre>
 * (with an immediate latency, complied referrals go straight to W). An action day with random targets
 * and no window moves a share c * min(1, budget / (A + P)) of A at once.
 *
 * <pre>{@code
 * double[] expectedActive = MeanField.expectedActive(scenario);   // on the scenario's grid
 * double e = MeanField.closedForm(10_000, 0.3, 0.8, 0.1, 20, 50); // N, f, b, rho, T, t
 * }</pre>
 */
public final class MeanField {
  private MeanField() {}

  /**
   * The simplest action day: N channels, at T a fraction f removed, each re-created with probability b
   * after an Exp(rho) delay, nothing else acting:
   * E[active(t)] = N (1 - f) + N f b (1 - exp(-rho (t - T))) for t &gt;= T, N before.
   *
   * @param n channels
   * @param f fraction removed
   * @param b re-creation probability
   * @param rho re-creation rate per day
   * @param takedown T
   * @param t the time
   * @return the expected number of active channels
   */
  public static double closedForm(double n, double f, double b, double rho, double takedown, double t) {
    if (t < takedown) {
      return n;
    }
    return n * (1 - f) + n * f * b * -Math.expm1(-rho * (t - takedown));
  }

  /**
   * The expected number of active channels on the scenario's grid.
   *
   * @param s a scenario with one platform, a constant cooperation profile with visibility exponent 0,
   *     exponential (or immediate) latency, exponential re-creation delay, channel-level bans, and
   *     action days with random targets, no window and no pressure
   * @return expected active channels at each grid time
   * @throws IllegalArgumentException naming the first condition the scenario does not meet
   */
  public static double[] expectedActive(Scenario s) {
    List<Platform> ps = List.copyOf(s.ecosystem().platforms().values());
    if (ps.size() != 1) {
      throw new IllegalArgumentException("the mean-field twin needs exactly one platform, found " + ps.size());
    }
    if (!ps.get(0).cooperation().isConstant()) {
      throw new IllegalArgumentException("the mean-field twin needs a constant cooperation profile");
    }
    Cooperation c = ps.get(0).cooperation().initial();
    if (c.visibilityExponent() != 0) {
      throw new IllegalArgumentException("the mean-field twin needs visibility exponent 0 (channels alike), found " + c.visibilityExponent());
    }
    double lambda;
    if (c.latency() instanceof LatencyDistribution.Exponential e) {
      lambda = e.rate();
    } else if (c.latency() instanceof LatencyDistribution.Fixed f && f.days() == 0) {
      lambda = Double.POSITIVE_INFINITY;
    } else {
      throw new IllegalArgumentException("the mean-field twin needs an exponential or immediate latency, found " + c.latency());
    }
    if (!(s.recreationDelay() instanceof LatencyDistribution.Exponential delay)) {
      throw new IllegalArgumentException("the mean-field twin needs an exponential re-creation delay, found " + s.recreationDelay());
    }
    if (s.routineBanLevel() != BanLevel.CHANNEL) {
      throw new IllegalArgumentException("the mean-field twin needs channel-level routine bans");
    }
    for (ActionDay a : s.actionDays()) {
      if (a.strategy() != TargetingStrategy.RANDOM || a.window() != 0 || a.banLevel() != BanLevel.CHANNEL
          || a.pressureDays() > 0) {
        throw new IllegalArgumentException("the mean-field twin needs action days with random targets, no window, channel bans"
            + " and no pressure: " + a);
      }
    }
    long backups = s.ecosystem().channels().values().stream().filter(ch -> ch.role() == ChannelRole.BACKUP).count();
    double d = s.detectionRate();
    double comp = c.compliance();
    double m = c.proactiveHazard();
    double b = s.recreationProbability();
    double rho = delay.rate();
    boolean immediate = Double.isInfinite(lambda);
    FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
      @Override
      public int getDimension() {
        return 3;
      }

      @Override
      public void computeDerivatives(double t, double[] y, double[] dy) {
        double a = y[0];
        double p = y[1];
        double w = y[2];
        if (immediate) {
          dy[0] = -(d * comp + m) * a + rho * w;
          dy[1] = 0;
          dy[2] = b * (d * comp + m) * a - rho * w;
        } else {
          dy[0] = -(d * comp + m) * a + rho * w;
          dy[1] = d * comp * a - (m + lambda) * p;
          dy[2] = b * (m * a + (m + lambda) * p) - rho * w;
        }
      }
    };
    double[] grid = s.grid();
    double[] out = new double[grid.length];
    double[] y = {s.ecosystem().channels().size(), 0, 0};
    double now = 0;
    int nextAction = 0;
    List<ActionDay> actions = s.actionDays();
    DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-10, 10, 1e-12, 1e-12);
    for (int g = 0; g < grid.length; g++) {
      while (nextAction < actions.size() && actions.get(nextAction).time() <= grid[g]) {
        ActionDay a = actions.get(nextAction++);
        if (a.time() > now) {
          integrator.integrate(ode, now, y, a.time(), y);
          now = a.time();
        }
        // backups are not targeted: the budget falls on the others, a share (1 - backups / N) of A
        double eligible = (y[0] + y[1]) * (1 - (double) backups / s.ecosystem().channels().size());
        double share = eligible <= 0 ? 0 : Math.min(1, a.budget() / eligible) * (1 - (double) backups / s.ecosystem().channels().size());
        double moved = comp * share * y[0];
        y[0] -= moved;
        if (immediate) {
          y[2] += b * moved;
        } else {
          y[1] += moved;
        }
      }
      if (grid[g] > now) {
        integrator.integrate(ode, now, y, grid[g], y);
        now = grid[g];
      }
      out[g] = y[0] + y[1];
    }
    return out;
  }
}
