package org.channelrisk.cli;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.channelrisk.cooperation.CooperationEstimate;
import org.channelrisk.cooperation.CooperationEstimator;
import org.channelrisk.cooperation.PlatformCooperation;
import org.channelrisk.stats.Estimate;
import org.channelrisk.io.InvalidInputException;
import org.channelrisk.io.ReferralLogCsv;
import org.channelrisk.model.Referral;
import org.channelrisk.survival.ParametricSurvival;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code channelrisk cooperation}: platforms' cooperation estimated from a referral log. */
@Command(name = "cooperation", mixinStandardHelpOptions = true,
    description = "Per platform (and period): compliance with a Wilson interval, removal latency (Kaplan-Meier with"
        + " pending referrals censored, best parametric fit by AIC) and a log-rank comparison of latencies.")
final class CooperationCommand extends PlannedCommand {

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "Referral log CSV: id,platform,sent_at,outcome,decided_at[,target].")
  Path input;

  @Option(names = "--origin", defaultValue = "1970-01-01T00:00:00Z", paramLabel = "INSTANT",
      description = "Day 0 for times given as instants (default ${DEFAULT-VALUE}).")
  String origin;

  @Option(names = "--until", paramLabel = "INSTANT",
      description = "End of observation (an instant or a day number); pending referrals are censored here."
          + " Default: the last time in the log.")
  String until;

  @Option(names = "--period-starts", split = ",", paramLabel = "T1,T2",
      description = "Times (instants or days) at which new periods start, e.g. a policy change.")
  List<String> periodStarts;


  @Override
  int run() throws IOException {
    Instant o;
    try {
      o = Instant.parse(origin);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--origin must be an ISO-8601 instant such as 2019-01-01T00:00:00Z: '" + origin + "'");
    }
    List<Referral> log = ReferralLogCsv.read(input, o);
    if (log.isEmpty()) {
      throw new InvalidInputException(input.toString(), "no referrals after the header: nothing to estimate");
    }
    CooperationEstimator.Builder b = CooperationEstimator.builder();
    if (until != null) {
      b.until(option("--until", until, o));
    }
    if (periodStarts != null) {
      b.periodStarts(periodStarts.stream().mapToDouble(s -> option("--period-starts", s, o)).toArray());
    }
    CooperationEstimate est = b.build().estimate(log);
    out.write(spec.commandLine().getOut(), est::toString, () -> json(est), List.of("platform", "period", "referrals",
        "removed", "declined", "pending", "compliance", "compliance_lower", "compliance_upper", "latency_median",
        "latency_family", "latency_p1", "latency_p2"), w -> {
          for (PlatformCooperation p : est.platforms()) {
            w.row().text(p.platform()).text(p.period()).number(p.referrals()).number(p.removed()).number(p.declined())
                .number(p.pending()).number(p.compliance().estimate()).number(p.compliance().lower())
                .number(p.compliance().upper()).number(p.latency().median().value());
            var best = p.bestLatencyFit();
            if (best.isPresent()) {
              ParametricSurvival.Fit f = best.get();
              w.text(f.family().name().toLowerCase(java.util.Locale.ROOT)).number(f.mu()).number(f.sigma());
            } else {
              w.text("").number(Double.NaN).number(Double.NaN);
            }
            w.end();
          }
        });
    return Main.OK;
  }

  private static Map<String, Object> json(CooperationEstimate est) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PlatformCooperation p : est.platforms()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("platform", p.platform());
      m.put("period", p.period());
      m.put("referrals", p.referrals());
      m.put("removed", p.removed());
      m.put("declined", p.declined());
      m.put("pending", p.pending());
      m.put("compliance", ImmutableMap.of("estimate", nn(p.compliance().estimate()), "lower", nn(p.compliance().lower()),
          "upper", nn(p.compliance().upper()), "method", "Wilson " + p.compliance().level()));
      Estimate med = p.latency().median();
      Map<String, Object> lat = new LinkedHashMap<>();
      lat.put("median", Output.num(med.value()));
      lat.put("lower", Output.num(med.lower()));
      lat.put("upper", Output.num(med.upper()));
      lat.put("best_fit", p.bestLatencyFit().map(CooperationCommand::fit).orElse(null));
      m.put("latency", lat);
      rows.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("until", est.until());
    doc.put("platforms", rows);
    Map<String, Object> cmp = new LinkedHashMap<>();
    est.latencyComparisons().forEach((k, v) -> cmp.put(k, ImmutableMap.of("chisq", v.chiSquare(), "df", v.df(), "p_value", nn(v.pValue()))));
    doc.put("latency_comparisons", cmp);
    return doc;
  }

  /** Not available becomes null when the document is written ({@link Output#notAvailableAsNull}). */
  private static Object nn(double v) {
    return v;
  }

  private static Map<String, Object> fit(ParametricSurvival.Fit f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("family", f.family().name().toLowerCase(java.util.Locale.ROOT));
    m.put("mu", f.mu());
    m.put("sigma", f.sigma());
    m.put("aic", f.aic());
    m.put("distribution", f.toLatency().toString());
    return m;
  }

  private static double option(String name, String value, Instant origin) {
    try {
      return ReferralLogCsv.parseTime(value, origin);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage());
    }
  }
}
