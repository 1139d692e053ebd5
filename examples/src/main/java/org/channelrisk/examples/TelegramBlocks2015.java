package org.channelrisk.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.channelrisk.charts.Charts;
import org.channelrisk.survival.Lifetime;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.channelrisk.sim.Scenario;
import org.channelrisk.sim.SimEvent;
import org.channelrisk.sim.Simulation;
import org.channelrisk.survival.KaplanMeier;
import org.channelrisk.survival.KaplanMeierFit;
import org.channelrisk.survival.ParametricSurvival;
import org.channelrisk.survival.SurvivalData;

/**
 * Telegram in November 2015: 78 channels blocked in one week, then slow removal. Channel lifetimes
 * from the simulated event log, as a referral unit would record them: Kaplan-Meier with channels still
 * alive at day 90 censored, and the best parametric fit.
 *
 * <p>Run: {@code java -cp examples/target/channelrisk-examples.jar org.channelrisk.examples.TelegramBlocks2015 [channels] [outDir]}
 */
public final class TelegramBlocks2015 {
  private TelegramBlocks2015() {}

  /**
   * @param channels network size
   * @param out folder for the Kaplan-Meier chart
   * @return the Kaplan-Meier fit of the first incarnations' lifetimes
   * @throws IOException if the chart cannot be written
   */
  public static KaplanMeierFit run(int channels, Path out) throws IOException {
    Scenario s = Presets.telegram2015(channels);
    Simulation.Run run = Simulation.of(s).seed(2015).run();
    System.out.printf(Locale.ROOT, "Removed in the first week: %.0f of %d channels (78 of about 1,000 reported);"
        + " by day 90: %.0f removals, %.0f re-creations.%n", run.trajectory().values(Observed.REMOVALS)[7], channels,
        run.trajectory().values(Observed.REMOVALS)[90], run.trajectory().values(Observed.RECREATIONS)[90]);
    Map<String, Double> removedAt = new HashMap<>();
    for (SimEvent e : run.events()) {
      if (e.kind() == SimEvent.Kind.REMOVAL && e.generation() == 0) {
        removedAt.put(e.channelId(), e.time());
      }
    }
    List<Lifetime> rows = new ArrayList<>();
    for (String id : s.ecosystem().channels().keySet()) {
      Double t = removedAt.get(id);
      rows.add(t == null ? Lifetime.of(id, s.horizon(), false) : Lifetime.of(id, t, true));
    }
    SurvivalData data = SurvivalData.of(rows);
    KaplanMeierFit km = KaplanMeier.estimate(data);
    System.out.printf(Locale.ROOT, "First incarnations alive at day 7: %.3f, at day 90: %.3f (Kaplan-Meier).%n",
        km.pooled().survivalAt(7), km.pooled().survivalAt(90));
    System.out.println("Best parametric fit: " + ParametricSurvival.best(data));
    Charts.kaplanMeier(km, "days").save(out.resolve("telegram-2015-km.png"));
    return km;
  }

  /**
   * @param args [channels (1000)] [output folder (current)]
   * @throws IOException if the chart cannot be written
   */
  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true"); // charts are drawn off-screen: no window, no dock icon
    run(args.length > 0 ? Integer.parseInt(args[0]) : 1_000, Path.of(args.length > 1 ? args[1] : "."));
  }
}
