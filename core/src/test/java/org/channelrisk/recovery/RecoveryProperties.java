package org.channelrisk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.channelrisk.testing.PropertyCheck.forAll;

import org.channelrisk.fit.FitResult;
import org.channelrisk.testing.Coverage;
import org.channelrisk.testing.Gen;
import org.junit.jupiter.api.Test;

class RecoveryProperties {
  record Case(RecoveryModel model, double[] p, int size, double noise, long seed) {
    @Override
    public String toString() {
      return model + " " + java.util.Arrays.toString(p) + " n " + size + " noise " + noise + " seed " + seed;
    }
  }

  /** Parameters of a curve and the factor (below 1) that deepens its blow. */
  record Blow(double a, double b, double k, double deepen) {}

  /** A model, parameters (the first {@code model.parameters()} are used) and a time since the takedown. */
  record Point(RecoveryModel model, double[] p, double s) {
    @Override
    public String toString() {
      return "Point[" + model + " " + java.util.Arrays.toString(p) + " at " + s + "]";
    }
  }

  @Test
  void fitsOfGeneratedSeriesRecoverTheParametersWithinTheirErrors() {
    Coverage cov = new Coverage();
    RecoveryModel[] models = {RecoveryModel.EXPONENTIAL, RecoveryModel.LOGISTIC, RecoveryModel.GOMPERTZ};
    forAll("recovery fits recover generating parameters", 150, rng -> {
      RecoveryModel m = models[rng.nextInt(3)];
      double a = Gen.doubleIn(rng, 200, 5000);
      double b = a * Gen.doubleIn(rng, 0.05, 0.6);
      int size = Gen.intIn(rng, 30, 300);
      double k = Gen.doubleIn(rng, 3.0, 12.0) / size; // the curve recovers within the window
      return new Case(m, new double[] {a, b, k}, size, Gen.doubleIn(rng, 0.001, 0.05), rng.nextLong());
    }, c -> {
      var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(c.seed());
      double[] t = new double[c.size()];
      double[] y = new double[c.size()];
      for (int i = 0; i < t.length; i++) {
        t[i] = i;
        y[i] = c.model().value(i, c.p()) + c.noise() * c.p()[0] * rng.nextGaussian();
      }
      FitResult f = RecoveryAnalysis.builder().takedown(0).models(c.model()).build().analyse(t, y).fit();
      cov.count("large noise", c.noise() > 0.03);
      cov.count("short series", c.size() < 60);
      assertThat(f.converged()).as(f.message()).isTrue();
      for (int j = 0; j < 3; j++) {
        // 5 standard errors: a miss once in about 1.7 million fits if the errors are right
        assertThat(Math.abs(f.estimate(j) - c.p()[j])).as("%s within 5 se (%s)", f.names().get(j), f.stdError(j))
            .isLessThanOrEqualTo(5 * f.stdError(j) + 1e-9 * Math.abs(c.p()[j]));
      }
    });
    cov.requireAtLeast("large noise", 20);
    cov.requireAtLeast("short series", 10);
  }

  @Test
  void deeperTakedownsNeverLookShallower() {
    // Monotone response: lowering b (a deeper blow) with a and k fixed raises depth and T90.
    forAll("deeper blow, larger depth and later T90", 200, rng -> {
      double a = Gen.doubleIn(rng, 100, 1000);
      return new Blow(a, a * Gen.doubleIn(rng, 0.2, 0.8), Gen.doubleIn(rng, 0.01, 0.5), Gen.doubleIn(rng, 0.5, 0.95));
    }, x -> {
      double a = x.a();
      for (RecoveryModel m : new RecoveryModel[] {RecoveryModel.EXPONENTIAL, RecoveryModel.LOGISTIC, RecoveryModel.GOMPERTZ}) {
        double[] shallow = {a, x.b(), x.k()};
        double[] deep = {a, x.b() * x.deepen(), x.k()};
        double[] ms = Metric.evaluate(m, shallow, a, 100);
        double[] md = Metric.evaluate(m, deep, a, 100);
        assertThat(md[Metric.DEPTH.ordinal()]).isGreaterThan(ms[Metric.DEPTH.ordinal()]);
        assertThat(md[Metric.LOSS_AREA.ordinal()]).isGreaterThan(ms[Metric.LOSS_AREA.ordinal()]);
        assertThat(m.timeToLevel(0.9 * a, deep)).as("%s", m).isGreaterThan(m.timeToLevel(0.9 * a, shallow));
      }
    });
  }

  @Test
  void valueAndGradientTogetherEqualTheSeparateEvaluations() {
    // the compact solver relies on this: its residuals come from valueAndGradient, R's comparison from value
    forAll("valueAndGradient = value and gradient, bit for bit", 500, rng -> new Point(
        RecoveryModel.values()[rng.nextInt(RecoveryModel.values().length)],
        new double[] {Gen.doubleIn(rng, 1, 5000), Gen.doubleIn(rng, 0.5, 900), Gen.doubleIn(rng, 0.001, 2)},
        Gen.doubleIn(rng, 0, 400)), x -> {
      RecoveryModel m = x.model();
      double[] p = java.util.Arrays.copyOf(x.p(), m.parameters());
      double s = x.s();
      double[] g1 = new double[p.length];
      double[] g2 = new double[p.length];
      double v = m.valueAndGradient(s, p, g1);
      m.gradient(s, p, g2);
      assertThat(Double.doubleToLongBits(v)).isEqualTo(Double.doubleToLongBits(m.value(s, p)));
      assertThat(g1).containsExactly(g2);
      double[] g3 = new double[p.length];
      assertThat(m.asFitModel().valueAndGradient(new double[] {s}, p, g3)).isEqualTo(v);
      assertThat(g3).containsExactly(g1);
    });
  }
}
