package org.channelrisk.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.channelrisk.stats.Estimate;
import org.channelrisk.survival.ConfidenceType;
import org.channelrisk.survival.CoxRegression;
import org.channelrisk.survival.KaplanMeier;
import org.channelrisk.survival.KaplanMeierFit;
import org.channelrisk.survival.LogRankTest;
import org.channelrisk.survival.RestrictedMean;
import org.channelrisk.survival.SurvivalCurve;
import org.channelrisk.survival.SurvivalData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code channelrisk survival}: Kaplan-Meier tables, summaries, log-rank tests and Cox models from CSV. */
@Command(
    name = "survival",
    mixinStandardHelpOptions = true,
    description = "Survival analysis of lifetimes in a CSV file, matching R survival.",
    subcommands = {SurvivalCommand.Km.class, SurvivalCommand.Summary.class, SurvivalCommand.LogRank.class,
        SurvivalCommand.Cox.class, CifCommand.class, GrayCommand.class, FineGrayCommand.class})
final class SurvivalCommand {

  /** Options of the confidence limits (of {@code survival km}, {@code summary} and {@code cif}). */
  static final class Confidence {
    @Option(names = "--conf-type", defaultValue = "log", converter = ConfidenceTypes.class,
        completionCandidates = ConfidenceTypes.class,
        description = "Transform of the confidence limits, as R's conf.type: ${COMPLETION-CANDIDATES}"
            + " (default ${DEFAULT-VALUE}).")
    ConfidenceType confType;

    @Option(names = "--conf-level", defaultValue = "0.95", description = "Confidence level (default ${DEFAULT-VALUE}).")
    double confLevel;

    KaplanMeier estimator() {
      return KaplanMeier.withConfidence(confType, confLevel);
    }
  }

  /**
   * The values of {@code --conf-type} in R's spelling (log, log-log, plain) for the help, and their
   * conversion by {@link ConfidenceType#parse}, which also takes R's older "loglog".
   */
  static final class ConfidenceTypes extends EnumValues<ConfidenceType> {
    ConfidenceTypes() {
      super(ConfidenceType.values(), ConfidenceType::rName);
    }

    @Override
    Optional<ConfidenceType> parse(String value) {
      try {
        return Optional.of(ConfidenceType.parse(value));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }

  static String group(KaplanMeierFit fit, SurvivalCurve c) {
    return fit.groups().isEmpty() ? "" : c.label();
  }

  /** {@code survival km}. */
  @Command(name = "km", mixinStandardHelpOptions = true,
      description = "Kaplan-Meier table: one row per distinct time (per group), with Greenwood standard errors,"
          + " confidence limits and the Nelson-Aalen cumulative hazard.")
  static final class Km extends PlannedCommand {
    @Mixin SurvivalInput in;
    @Mixin Confidence conf;

    static final List<String> COLUMNS =
        List.of("group", "time", "n_risk", "n_event", "n_censor", "survival", "std_err", "lower", "upper", "cumhaz");


    @Override
    int run() throws IOException {
      KaplanMeier km = conf.estimator();
      KaplanMeierFit fit = km.fit(in.read());
      out.write(spec.commandLine().getOut(), () -> text(fit), () -> json(fit), COLUMNS, w -> {
        for (SurvivalCurve c : fit.curves()) {
          for (int i = 0; i < c.size(); i++) {
            w.row().text(group(fit, c)).number(c.time(i)).number(c.nRisk(i)).number(c.nEvent(i)).number(c.nCensor(i))
                .number(c.survival(i)).number(c.survivalStdError(i)).number(c.lower(i)).number(c.upper(i))
                .number(c.cumHaz(i)).end();
          }
        }
      });
      return Main.OK;
    }

    private static Map<String, Object> json(KaplanMeierFit fit) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (SurvivalCurve c : fit.curves()) {
        for (int i = 0; i < c.size(); i++) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("group", group(fit, c));
          m.put("time", c.time(i));
          m.put("n_risk", c.nRisk(i));
          m.put("n_event", c.nEvent(i));
          m.put("n_censor", c.nCensor(i));
          m.put("survival", c.survival(i));
          m.put("std_err", Output.num(c.survivalStdError(i)));
          m.put("lower", Output.num(c.lower(i)));
          m.put("upper", Output.num(c.upper(i)));
          m.put("cumhaz", c.cumHaz(i));
          rows.add(m);
        }
      }
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("conf_type", fit.confType().rName());
      doc.put("conf_level", fit.confLevel());
      doc.put("rows", rows);
      return doc;
    }

    private static String text(KaplanMeierFit fit) {
      StringBuilder sb = new StringBuilder();
      for (SurvivalCurve c : fit.curves()) {
        sb.append(fit.groups().isEmpty() ? "" : "group " + c.label() + "\n");
        sb.append(String.format(Locale.ROOT, "%10s %7s %7s %8s %9s %9s %9s %9s %9s%n", "time", "n.risk", "n.event",
            "n.censor", "survival", "std.err", "lower", "upper", "cumhaz"));
        for (int i = 0; i < c.size(); i++) {
          sb.append(String.format(Locale.ROOT, "%10.6g %7d %7d %8d %9.6f %9s %9s %9s %9.6f%n", c.time(i), c.nRisk(i),
              c.nEvent(i), c.nCensor(i), c.survival(i), f(c.survivalStdError(i)), f(c.lower(i)), f(c.upper(i)), c.cumHaz(i)));
        }
        sb.append(String.format(Locale.ROOT, "n %d, events %d, median %s%n%n", c.records(), c.events(), c.median()));
      }
      return sb.toString();
    }
  }

  static String f(double v) {
    return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.6f", v);
  }

  /** {@code survival summary}. */
  @Command(name = "summary", mixinStandardHelpOptions = true,
      description = "Per group: n, events, median with confidence limits, and the restricted mean up to --tau.")
  static final class Summary extends PlannedCommand {
    @Mixin SurvivalInput in;
    @Mixin Confidence conf;

    @Option(names = "--tau", description = "Upper limit of the restricted mean survival time.")
    Double tau;


    @Override
    int run() throws IOException {
      if (tau != null && !(tau >= 0 && Double.isFinite(tau))) {
        throw new IllegalArgumentException("--tau must be finite and >= 0: " + tau);
      }
      KaplanMeierFit fit = conf.estimator().fit(in.read());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (SurvivalCurve c : fit.curves()) {
        Estimate m = c.median();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("group", group(fit, c));
        r.put("n", c.records());
        r.put("events", c.events());
        r.put("median", Output.num(m.value()));
        r.put("median_lower", Output.num(m.lower()));
        r.put("median_upper", Output.num(m.upper()));
        if (tau != null) {
          RestrictedMean rm = c.restrictedMean(tau);
          r.put("rmean", rm.value());
          r.put("rmean_se", rm.stdError());
        }
        rows.add(r);
      }
      List<String> header = new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0).keySet());
      out.write(spec.commandLine().getOut(), () -> text(fit, header, rows), () -> rows, header, w -> {
        for (Map<String, Object> r : rows) {
          w.row();
          for (Object v : r.values()) {
            if (v instanceof String s) {
              w.text(s);
            } else {
              w.number(v == null ? Double.NaN : ((Number) v).doubleValue());
            }
          }
          w.end();
        }
      });
      return Main.OK;
    }

    private String text(KaplanMeierFit fit, List<String> header, List<Map<String, Object>> rows) {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s", ""));
      header.stream().skip(1).forEach(h -> sb.append(String.format(Locale.ROOT, " %12s", h)));
      sb.append('\n');
      for (Map<String, Object> r : rows) {
        sb.append(String.format(Locale.ROOT, "%-14s", r.get("group").toString().isEmpty() ? "all" : r.get("group")));
        r.values().stream().skip(1).forEach(v -> sb.append(String.format(Locale.ROOT, " %12s",
            v == null ? "NA" : v instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : v)));
        sb.append('\n');
      }
      sb.append("median limits: ").append(fit.pooled().median().method())
          .append(tau == null ? "" : "; restricted mean up to " + tau).append('\n');
      return sb.toString();
    }
  }

  /** {@code survival logrank}. */
  @Command(name = "logrank", mixinStandardHelpOptions = true,
      description = "Log-rank (rho 0) or Peto-Peto (rho 1) test between groups, as R's survdiff.")
  static final class LogRank extends PlannedCommand {
    @Mixin SurvivalInput in;

    @Mixin GroupComparison comparison;

    @Override
    int run() throws IOException {
      comparison.requireGroups("survival logrank", in.group);
      SurvivalData d = in.read();
      if (comparison.strata != null) {
        d = d.withStrata(in.table.strings(comparison.strata));
      }
      double rho = comparison.rho;
      LogRankTest.Result r = LogRankTest.test(d, rho);
      out.write(spec.commandLine().getOut(), r::toString, () -> json(rho, r),
          List.of("group", "n", "observed", "expected", "chisq", "df", "p_value"), w -> {
            for (LogRankTest.GroupCounts g : r.groups()) {
              w.row().text(g.group()).number(g.n()).number(g.observed()).number(g.expected()).number(r.chiSquare())
                  .number(r.df()).number(r.pValue()).end();
            }
          });
      return Main.OK;
    }

    private static Map<String, Object> json(double rho, LogRankTest.Result r) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("rho", rho);
      doc.put("chisq", r.chiSquare());
      doc.put("df", r.df());
      doc.put("p_value", Output.num(r.pValue()));
      List<Map<String, Object>> groups = new ArrayList<>();
      for (LogRankTest.GroupCounts g : r.groups()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", g.group());
        m.put("n", g.n());
        m.put("observed", g.observed());
        m.put("expected", g.expected());
        groups.add(m);
      }
      doc.put("groups", groups);
      return doc;
    }
  }

  /** {@code survival cox}. */
  @Command(name = "cox", mixinStandardHelpOptions = true,
      description = "Cox proportional hazards regression on numeric covariates, as R's coxph.")
  static final class Cox extends PlannedCommand {
    @Mixin SurvivalInput in;

    @Mixin Covariates covariates;

    /** {@code --ties}: the names of {@link CoxRegression.Ties} in lower case, as R's coxph writes them. */
    static final class TiesNames extends EnumValues<CoxRegression.Ties> {
      TiesNames() {
        super(CoxRegression.Ties.values());
      }
    }

    @Option(names = "--ties", defaultValue = "efron", converter = TiesNames.class, completionCandidates = TiesNames.class,
        description = "efron or breslow (default ${DEFAULT-VALUE}).")
    CoxRegression.Ties ties;


    @Override
    int run() throws IOException {
      SurvivalData d = in.read();
      double[][] x = covariates.matrix(in.table);
      CoxRegression.Fit fit = CoxRegression.defaults().withTies(ties).fit(d, x, covariates.names);
      out.write(spec.commandLine().getOut(), () -> fit + "\n", () -> json(fit), List.of("term", "coef", "std_error", "z",
          "p_value", "hazard_ratio", "hr_lower", "hr_upper", "possibly_infinite"), w -> {
            for (int j = 0; j < covariates.names.size(); j++) {
              Estimate hr = fit.hazardRatioInterval(j);
              w.row().text(covariates.names.get(j)).number(fit.coefficients()[j]).number(fit.stdErrors()[j]).number(fit.z(j))
                  .number(fit.pValue(j)).number(hr.value()).number(hr.lower()).number(hr.upper())
                  .text(Boolean.toString(fit.possiblyInfinite().contains(covariates.names.get(j)))).end();
            }
          });
      return Covariates.exitCode(spec, fit.converged(), fit.monotoneLikelihood(), fit.status());
    }

    private Map<String, Object> json(CoxRegression.Fit fit) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("ties", EnumValues.lowerCase(ties));
      doc.put("converged", fit.converged());
      doc.put("status", fit.status());
      doc.put("monotone_likelihood", fit.monotoneLikelihood());
      doc.put("possibly_infinite", fit.possiblyInfinite());
      doc.put("iterations", fit.iterations());
      doc.put("n", fit.n());
      doc.put("events", fit.events());
      List<Map<String, Object>> terms = new ArrayList<>();
      for (int j = 0; j < covariates.names.size(); j++) {
        Estimate hr = fit.hazardRatioInterval(j);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("term", covariates.names.get(j));
        m.put("coef", fit.coefficients()[j]);
        m.put("std_error", fit.stdErrors()[j]);
        m.put("z", fit.z(j));
        m.put("p_value", fit.pValue(j));
        m.put("hazard_ratio", hr.value());
        m.put("hr_lower", hr.lower());
        m.put("hr_upper", hr.upper());
        terms.add(m);
      }
      doc.put("terms", terms);
      doc.put("loglik_null", fit.logLikNull());
      doc.put("loglik", fit.logLik());
      doc.put("lr_test", fit.likelihoodRatioTest());
      doc.put("wald_test", fit.waldTest());
      doc.put("score_test", fit.scoreTest());
      return doc;
    }
  }
}
