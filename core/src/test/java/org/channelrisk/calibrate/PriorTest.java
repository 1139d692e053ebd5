package org.channelrisk.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.junit.jupiter.api.Test;

/**
 * Densities, distribution functions and quantiles of every prior family against Commons Math
 * distributions or closed forms written out here, at interior points and exactly at the bounds.
 */
class PriorTest {
  static final double TOL = 1e-12;

  /** A generator that returns the given doubles in turn. */
  static RandomGenerator doubles(double... u) {
    return new RandomGenerator() {
      int i;

      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public double nextDouble() {
        return u[i++];
      }
    };
  }

  @Test
  void uniformAgainstCommonsMath() {
    Prior p = Prior.uniform(2, 6);
    UniformRealDistribution u = new UniformRealDistribution(null, 2, 6);
    for (double x : new double[] {2, 2.5, 4, 5.9, 6}) {
      assertThat(p.density(x)).isCloseTo(u.density(x), within(TOL));
      assertThat(p.cdf(x)).isCloseTo(u.cumulativeProbability(x), within(TOL));
    }
    // the density is 1 / 4 at both ends of the closed support and 0 just outside
    assertThat(p.density(2)).isEqualTo(0.25);
    assertThat(p.density(6)).isEqualTo(0.25);
    assertThat(p.density(Math.nextDown(2.0))).isZero();
    assertThat(p.density(Math.nextUp(6.0))).isZero();
    assertThat(p.density(Double.NaN)).isZero();
    assertThat(p.cdf(1)).isZero();
    assertThat(p.cdf(7)).isEqualTo(1);
    assertThat(p.cdf(3)).isEqualTo(0.25);
    for (double q : new double[] {0, 0.1, 0.5, 0.75, 1}) {
      assertThat(p.quantile(q)).isCloseTo(u.inverseCumulativeProbability(q), within(TOL));
    }
    assertThat(p.quantile(0)).isEqualTo(2);
    assertThat(p.quantile(1)).isEqualTo(6);
    assertThat(p.median()).isEqualTo(4);
    assertThat(p.family()).isEqualTo(Prior.Family.UNIFORM);
    assertThat(p.lower()).isEqualTo(2);
    assertThat(p.upper()).isEqualTo(6);
  }

  @Test
  void logUniformClosedForm() {
    Prior p = Prior.logUniform(1, 1000);
    double width = Math.log(1000);
    // density 1 / (x log(1000)), cdf log(x) / log(1000), quantile 1000^q
    for (double x : new double[] {1, 10, 31.6, 999, 1000}) {
      assertThat(p.density(x)).isCloseTo(1 / (x * width), within(TOL));
    }
    assertThat(p.cdf(10)).isCloseTo(1 / 3.0, within(TOL));
    assertThat(p.cdf(100)).isCloseTo(2 / 3.0, within(TOL));
    assertThat(p.cdf(0.5)).isZero();
    assertThat(p.cdf(2000)).isEqualTo(1);
    assertThat(p.density(0.999)).isZero();
    assertThat(p.density(1000.001)).isZero();
    assertThat(p.quantile(1 / 3.0)).isCloseTo(10, within(1e-10));
    assertThat(p.quantile(0)).isEqualTo(1);
    assertThat(p.quantile(1)).isCloseTo(1000, within(1e-9));
    assertThat(p.median()).isCloseTo(Math.sqrt(1000), within(1e-10));
    // internal coordinate: log x, uniform on [0, log 1000] (the Jacobian included)
    assertThat(p.toInternal(100)).isCloseTo(Math.log(100), within(TOL));
    assertThat(p.fromInternal(Math.log(100))).isCloseTo(100, within(1e-10));
    assertThat(p.internalDensity(Math.log(50))).isCloseTo(1 / width, within(TOL));
    assertThat(p.internalDensity(0)).isCloseTo(1 / width, within(TOL));
    assertThat(p.internalDensity(Math.log(1000))).isCloseTo(1 / width, within(TOL));
    assertThat(p.internalDensity(-1e-9)).isZero();
    assertThat(p.internalDensity(width + 1e-9)).isZero();
    assertThat(p.family()).isEqualTo(Prior.Family.LOG_UNIFORM);
    assertThat(p.toString()).isEqualTo("log-uniform(1.0, 1000.0)");
  }

  @Test
  void logUniformAwayFromOne() {
    // [2, 200]: log width log 100; density 1 / (x log 100), cdf log(x / 2) / log 100, quantile 2 * 100^q
    Prior p = Prior.logUniform(2, 200);
    double width = Math.log(100);
    assertThat(p.density(20)).isCloseTo(1 / (20 * width), within(TOL));
    assertThat(p.cdf(20)).isCloseTo(0.5, within(TOL));
    assertThat(p.quantile(0.5)).isCloseTo(20, within(1e-12));
    assertThat(p.internalDensity(Math.log(20))).isCloseTo(1 / width, within(TOL));
    assertThat(p.internalDensity(Math.log(1.9))).isZero();
  }

  @Test
  void normalAgainstCommonsMath() {
    Prior p = Prior.normal(3, 2);
    NormalDistribution n = new NormalDistribution(null, 3, 2);
    for (double x : new double[] {-5, 0, 3, 4.5, 10}) {
      assertThat(p.density(x)).isCloseTo(n.density(x), within(TOL));
      assertThat(p.cdf(x)).isCloseTo(n.cumulativeProbability(x), within(TOL));
    }
    assertThat(p.quantile(0.975)).isCloseTo(3 + 2 * 1.959963984540054, within(1e-9));
    assertThat(p.median()).isCloseTo(3, within(TOL));
    assertThat(p.lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(p.upper()).isEqualTo(Double.POSITIVE_INFINITY);
    // not log-transformed: internal coordinate is the value, its density the density
    assertThat(p.toInternal(4.5)).isEqualTo(4.5);
    assertThat(p.fromInternal(4.5)).isEqualTo(4.5);
    assertThat(p.internalDensity(4.5)).isCloseTo(n.density(4.5), within(TOL));
    assertThat(p.toString()).isEqualTo("normal(mean 3.0, sd 2.0)");
  }

  @Test
  void truncatedNormalClosedForm() {
    // N(1, 2) on [0, 4]: mass Phi(1.5) - Phi(-0.5)
    Prior p = Prior.truncatedNormal(1, 2, 0, 4);
    NormalDistribution z = new NormalDistribution(null, 0, 1);
    double mass = z.cumulativeProbability(1.5) - z.cumulativeProbability(-0.5);
    for (double x : new double[] {0, 0.5, 1, 3, 4}) {
      assertThat(p.density(x)).isCloseTo(z.density((x - 1) / 2) / (2 * mass), within(TOL));
    }
    for (double x : new double[] {0.5, 1, 3}) {
      assertThat(p.cdf(x)).isCloseTo((z.cumulativeProbability((x - 1) / 2) - z.cumulativeProbability(-0.5)) / mass, within(TOL));
    }
    assertThat(p.density(-0.01)).isZero();
    assertThat(p.density(4.01)).isZero();
    assertThat(p.cdf(-1)).isZero();
    assertThat(p.cdf(5)).isEqualTo(1);
    // quantile inverts the cdf
    for (double q : new double[] {0.1, 0.5, 0.9}) {
      assertThat(p.cdf(p.quantile(q))).isCloseTo(q, within(1e-9));
    }
    assertThat(p.quantile(0)).isCloseTo(0, within(1e-9));
    assertThat(p.quantile(1)).isCloseTo(4, within(1e-9));
    assertThat(p.family()).isEqualTo(Prior.Family.TRUNCATED_NORMAL);
    assertThat(p.lower()).isZero();
    assertThat(p.upper()).isEqualTo(4);
    assertThat(p.toString()).isEqualTo("truncated normal(mean 1.0, sd 2.0, [0.0, 4.0])");
    // one-sided: N(0, 1) on [0, infinity) is the half normal, density 2 phi(x)
    Prior half = Prior.truncatedNormal(0, 1, 0, Double.POSITIVE_INFINITY);
    assertThat(half.density(1)).isCloseTo(2 * z.density(1), within(TOL));
    assertThat(half.median()).isCloseTo(z.inverseCumulativeProbability(0.75), within(1e-9));
  }

  @Test
  void betaAgainstCommonsMathAndR() {
    Prior p = Prior.beta(2, 5);
    BetaDistribution b = new BetaDistribution(null, 2, 5);
    for (double x : new double[] {0.05, 0.2, 0.5, 0.9}) {
      assertThat(p.density(x)).isCloseTo(b.density(x), within(TOL));
      assertThat(p.cdf(x)).isCloseTo(b.cumulativeProbability(x), within(TOL));
    }
    // closed forms: density 30 x (1 - x)^4, so 30 * 0.2 * 0.8^4 = 2.4576 at 0.2; distribution function
    // 1 - (1 - x)^6 - 6 x (1 - x)^5, so 1 - 0.262144 - 0.393216 = 0.34464 at 0.2; the median solves it = 0.5
    assertThat(p.density(0.2)).isCloseTo(2.4576, within(1e-10));
    assertThat(p.cdf(0.2)).isCloseTo(0.34464, within(1e-10));
    double m = p.median();
    assertThat(1 - Math.pow(1 - m, 6) - 6 * m * Math.pow(1 - m, 5)).isCloseTo(0.5, within(1e-9));
    assertThat(p.density(-0.1)).isZero();
    assertThat(p.density(1.1)).isZero();
    assertThat(p.cdf(0)).isZero();
    assertThat(p.cdf(1)).isEqualTo(1);
    assertThat(p.quantile(0)).isZero();
    assertThat(p.quantile(1)).isEqualTo(1);
    assertThat(p.lower()).isZero();
    assertThat(p.upper()).isEqualTo(1);
    assertThat(p.toString()).isEqualTo("beta(2.0, 5.0)");
    assertThat(Prior.uniform(0, 1).toString()).isEqualTo("uniform(0.0, 1.0)");
  }

  @Test
  void sampleIsTheQuantileOfTheFirstNonZeroDraw() {
    Prior p = Prior.uniform(10, 20);
    assertThat(p.sample(doubles(0.25))).isEqualTo(12.5);
    // a draw of exactly 0 is skipped (it would be -infinity for an unbounded prior)
    assertThat(p.sample(doubles(0, 0, 0.5))).isEqualTo(15);
    assertThat(Prior.normal(0, 1).sample(doubles(0, 0.975))).isCloseTo(1.959963984540054, within(1e-9));
  }

  @Test
  void quantileRefusesProbabilitiesOutsideZeroOne() {
    Prior p = Prior.uniform(0, 1);
    assertThatThrownBy(() -> p.quantile(-1e-9)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.quantile(1 + 1e-9)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructorsRefuseBadArguments() {
    assertThatThrownBy(() -> Prior.uniform(1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.uniform(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.uniform(Double.NEGATIVE_INFINITY, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.uniform(0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.logUniform(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.logUniform(1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.logUniform(1, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.normal(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.normal(0, 0)).hasMessageContaining("normal prior needs a finite mean and sd > 0");
    assertThatThrownBy(() -> Prior.normal(0, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.truncatedNormal(Double.POSITIVE_INFINITY, 1, 0, 1)).hasMessageContaining("needs a finite mean and sd > 0");
    assertThatThrownBy(() -> Prior.truncatedNormal(0, 0, 0, 1)).hasMessageContaining("needs a finite mean and sd > 0");
    assertThatThrownBy(() -> Prior.truncatedNormal(0, Double.POSITIVE_INFINITY, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.truncatedNormal(0, 1, 1, 1)).hasMessageContaining("needs lower < upper");
    assertThatThrownBy(() -> Prior.truncatedNormal(0, 1, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.truncatedNormal(0, 1, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    // [40, 41] standard deviations from the mean: no mass left
    assertThatThrownBy(() -> Prior.truncatedNormal(0, 1, 40, 41)).hasMessageContaining("almost no mass");
    assertThatThrownBy(() -> Prior.beta(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.beta(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.beta(Double.POSITIVE_INFINITY, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Prior.beta(1, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    // the smallest legal arguments pass
    assertThat(Prior.logUniform(Double.MIN_VALUE, 1).lower()).isEqualTo(Double.MIN_VALUE);
    assertThat(Prior.truncatedNormal(0, 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).median()).isCloseTo(0, within(1e-12));
  }

  @Test
  void equalityCoversEveryField() {
    Prior p = Prior.truncatedNormal(1, 2, 0, 4);
    assertThat(p).isEqualTo(Prior.truncatedNormal(1, 2, 0, 4));
    assertThat(p.hashCode()).isEqualTo(Prior.truncatedNormal(1, 2, 0, 4).hashCode());
    assertThat(p).isNotEqualTo(Prior.truncatedNormal(1.5, 2, 0, 4));
    assertThat(p).isNotEqualTo(Prior.truncatedNormal(1, 2.5, 0, 4));
    assertThat(p).isNotEqualTo(Prior.truncatedNormal(1, 2, -1, 4));
    assertThat(p).isNotEqualTo(Prior.truncatedNormal(1, 2, 0, 5));
    assertThat(Prior.uniform(0, 1)).isNotEqualTo(Prior.logUniform(1e-300, 1)).isNotEqualTo("uniform");
    // same four numbers (a = lower = 0, b = upper = 1), another family
    assertThat(Prior.uniform(0, 1)).isNotEqualTo(Prior.truncatedNormal(0, 1, 0, 1));
    assertThat(Prior.uniform(0, 1)).isNotEqualTo(Prior.beta(1, 1));
    assertThat(Prior.uniform(0, 1).hashCode()).isNotEqualTo(Prior.uniform(0, 2).hashCode());
  }
}
