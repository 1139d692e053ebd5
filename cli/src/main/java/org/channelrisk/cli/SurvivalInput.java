package org.channelrisk.cli;

import org.channelrisk.survival.SurvivalData;
import picocli.CommandLine.Option;

/** The input options of the survival commands of one event type: a CSV file and the columns to use. */
final class SurvivalInput extends LifetimeColumns {
  @Option(names = "--event", required = true, paramLabel = "COL", description = "Column of event indicators: 1/0 or true/false.")
  String event;

  @Option(names = "--entry", paramLabel = "COL", description = "Column of entry times (left truncation).")
  String entry;

  @Option(names = "--timefix", description = "Merge nearly equal times as R's Surv(timefix = TRUE) does.")
  boolean timefix;

  SurvivalData read() {
    readRows("estimate");
    double[] t = table.nonNegativeDoubles(time);
    boolean[] e = table.statuses(event);
    SurvivalData d = SurvivalData.of(t, e);
    if (group != null) {
      d = d.withGroups(groups());
    }
    if (entry != null) {
      double[] en = table.nonNegativeDoubles(entry);
      for (int r = 0; r < en.length; r++) {
        if (en[r] >= t[r]) {
          // R's Surv(start, stop) makes such a row NA (and coxph/survfit drop it with a warning): the
          // observation is never at risk, so counting its event would drive S(t) down wrongly
          throw table.error(r, entry, "entry " + table.cell(r, entry) + " must be before the time " + table.cell(r, time)
              + " (a row with entry >= time is never at risk)");
        }
      }
      d = d.withEntry(en);
    }
    return timefix ? d.withTimeFix() : d;
  }
}
