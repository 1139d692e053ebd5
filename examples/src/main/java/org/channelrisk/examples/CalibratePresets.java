package org.channelrisk.examples;

import java.util.Locale;
import org.channelrisk.calibrate.AbcSmc;
import org.channelrisk.calibrate.CalibrationResult;
import org.channelrisk.calibrate.Evaluator;
import org.channelrisk.calibrate.Generation;
import org.channelrisk.calibrate.ParameterSummary;
import org.channelrisk.calibrate.PresetCalibrations;
import org.channelrisk.calibrate.Predictive;
import org.channelrisk.calibrate.Target;

/**
 * Re-runs the calibrations of {@code Presets.actionDay2019} and {@code Presets.actionDay2018} to the
 * published figures on a network of the published size (1,911 channels) and prints the tables the
 * presets' Javadoc and the README show: per target, the observed value, the model's posterior
 * predictive median and 90% interval; per parameter, its posterior.
 *
 * <p>Run: {@code java -cp examples/target/channelrisk-examples.jar org.channelrisk.examples.CalibratePresets
 * [2019|2018] [particles] [budget] [threads] [channels]}
 */
public final class CalibratePresets {
  private CalibratePresets() {}

  /**
   * @param which 2019 or 2018
   * @param particles particles
   * @param budget simulation budget
   * @param threads threads
   * @param channels network size
   * @return the result
   */
  public static CalibrationResult run(int which, int particles, long budget, int threads, int channels) {
    AbcSmc.Builder b = which == 2018 ? PresetCalibrations.actionDay2018(channels) : PresetCalibrations.actionDay2019(channels);
    AbcSmc abc = b.particles(particles).budget(budget).minAcceptance(0.02).build();
    long t0 = System.nanoTime();
    CalibrationResult r = abc.run(which, Evaluator.local(threads), new AbcSmc.Listener() {
      @Override
      public void generation(org.channelrisk.calibrate.Population p) {
        System.err.println("  " + p.generation());
      }
    });
    double seconds = (System.nanoTime() - t0) / 1e9;
    Predictive pp = Predictive.of(r, abc.simulator(), 200, which, threads);
    Generation g = r.population().generation();
    System.out.printf(Locale.ROOT, "%d action day, %d channels: %d particles, %d simulations, %d generations, epsilon %.3g, ESS %.0f, "
        + "stopped: %s, %.0f s on %d threads (%.1f simulations/s); activity observable: %s%n", which, channels, particles,
        g.totalSimulations(), g.index() + 1, g.epsilon(), r.population().ess(), r.stopReason(), seconds, threads,
        g.totalSimulations() / seconds, PresetCalibrations.activity().key());
    System.out.println("| target | observed | model median | 90% predictive interval |");
    System.out.println("| --- | --- | --- | --- |");
    for (int k = 0; k < abc.targets().size(); k++) {
      Target t = abc.targets().get(k);
      System.out.printf(Locale.ROOT, "| %s | %.4g | %.4g | %.4g to %.4g |%n", t.statistic(), t.observed(), pp.statisticQuantile(k, 0.5),
          pp.statisticQuantile(k, 0.05), pp.statisticQuantile(k, 0.95));
    }
    System.out.println("| parameter | prior | posterior median | 90% credible interval |");
    System.out.println("| --- | --- | --- | --- |");
    for (int k = 0; k < abc.parameters().size(); k++) {
      ParameterSummary s = r.population().summary(abc.parameters().get(k).name(), 0.9);
      System.out.printf(Locale.ROOT, "| %s | %s | %.4g | %.4g to %.4g |%n", s.name(), abc.parameters().get(k).prior(), s.median(), s.lower(),
          s.upper());
    }
    return r;
  }

  /**
   * @param args [2019|2018] [particles] [budget] [threads] [channels]
   */
  public static void main(String[] args) {
    int which = args.length > 0 ? Integer.parseInt(args[0]) : 2019;
    int particles = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    long budget = args.length > 2 ? Long.parseLong(args[2]) : 10_000;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int channels = args.length > 4 ? Integer.parseInt(args[4]) : PresetCalibrations.PUBLISHED_CHANNELS;
    run(which, particles, budget, threads, channels);
  }
}
