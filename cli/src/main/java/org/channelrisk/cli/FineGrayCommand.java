package org.channelrisk.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.channelrisk.stats.Estimate;
import org.channelrisk.survival.CompetingRisksData;
import org.channelrisk.survival.FineGray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code channelrisk survival finegray}: the Fine-Gray model of one cause, as {@code cmprsk::crr}. */
@Command(name = "finegray", mixinStandardHelpOptions = true,
    description = "Fine-Gray subdistribution hazards regression of one cause on numeric covariates, as cmprsk's crr.")
final class FineGrayCommand extends PlannedCommand {
  @Mixin CompetingInput in;

  @Option(names = "--cause", required = true, paramLabel = "NAME", description = "The cause whose cumulative incidence is modelled.")
  String cause;

  @Mixin Covariates covariates;


  @Override
  int run() throws IOException {
    if (in.entry != null) {
      throw new IllegalArgumentException("survival finegray does not support --entry: crr has no left truncation");
    }
    CompetingRisksData d = in.read();
    in.checkCause(d, "--cause", cause);
    double[][] x = covariates.matrix(in.table);
    FineGray.Fit fit = FineGray.defaults().fit(d, cause, x, covariates.names);
    out.write(spec.commandLine().getOut(), () -> fit + "\n", () -> json(fit),
        List.of("term", "estimate", "std_error", "hazard_ratio", "lower", "upper", "p_value", "possibly_infinite"), w -> {
          for (int j = 0; j < covariates.names.size(); j++) {
            Estimate hr = fit.subdistributionHazardRatio(j);
            w.row().text(covariates.names.get(j)).number(fit.coefficients()[j]).number(fit.stdErrors()[j]).number(hr.value())
                .number(hr.lower()).number(hr.upper()).number(fit.pValue(j))
                .text(Boolean.toString(fit.possiblyInfinite().contains(covariates.names.get(j)))).end();
          }
        });
    return Covariates.exitCode(spec, fit.converged(), fit.monotoneLikelihood(), fit.status());
  }

  private Map<String, Object> json(FineGray.Fit fit) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("cause", cause);
    doc.put("n", fit.n());
    doc.put("events", fit.events());
    Map<String, Object> coefs = new LinkedHashMap<>();
    for (int j = 0; j < covariates.names.size(); j++) {
      Estimate hr = fit.subdistributionHazardRatio(j);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("estimate", Output.num(fit.coefficients()[j]));
      m.put("std_error", Output.num(fit.stdErrors()[j]));
      m.put("hazard_ratio", Output.num(hr.value()));
      m.put("lower", Output.num(hr.lower()));
      m.put("upper", Output.num(hr.upper()));
      m.put("p_value", Output.num(fit.pValue(j)));
      coefs.put(covariates.names.get(j), m);
    }
    doc.put("coefficients", coefs);
    doc.put("converged", fit.converged());
    doc.put("status", fit.status());
    doc.put("monotone_likelihood", fit.monotoneLikelihood());
    doc.put("possibly_infinite", fit.possiblyInfinite());
    doc.put("iterations", fit.iterations());
    doc.put("loglik", Output.num(fit.logLik()));
    doc.put("loglik_null", Output.num(fit.logLikNull()));
    doc.put("interval", fit.subdistributionHazardRatio(0).method());
    return doc;
  }
}
