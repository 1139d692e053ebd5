#!/usr/bin/env bash
# Peer timing: R survival's multi-state survfit, the Aalen-Johansen cumulative incidence of three
# causes, survfit(Surv(time, factor(status)) ~ 1), the peer of AalenJohansenBenchmark.
# Data: drawn in R with set.seed(20191121), the benchmark's design (not its numbers): causes with
# hazards 0.5, 0.3, 0.2, censoring with hazard 3/7 (30% censored), continuous times. Not timed.
# Two timings, because survival 3.5-3 computes the infinitesimal-jackknife standard errors by
# updating every observation's influence at every event time (O(n x times)), which is out of reach at
# 10^6 rows:
#   seconds      N rows (default 10^6), point estimates only (se.fit = FALSE)
#   se_seconds   N_SE rows (default 10^4), with standard errors and limits (R's defaults), the same work as
#                the Java benchmark at rows = N_SE
# Timing: system.time(...)[["elapsed"]], median of REPS (default 5) repetitions.
# Output (stdout, one line):
#   peer=r-survival task=aalen-johansen n=<N> seconds=<median> n_se=<N_SE> se_seconds=<median>
# A "# check:" line on stderr shows the peer did real work (censored fraction, final incidences).
# Run from anywhere; needs Rscript and the R package survival (apt-get install r-base-core r-cran-survival).
set -euo pipefail
N="${N:-1000000}"
N_SE="${N_SE:-10000}"
REPS="${REPS:-5}"
if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'quit(status = !requireNamespace("survival", quietly = TRUE))' >/dev/null 2>&1; then
  echo "r-aalen-johansen.sh: needs Rscript and the R package survival (apt-get install r-base-core r-cran-survival)" >&2
  exit 1
fi
N="$N" N_SE="$N_SE" REPS="$REPS" Rscript --vanilla - <<'RSCRIPT'
suppressPackageStartupMessages(library(survival))
rows <- function(n) {
  set.seed(20191121)
  cens <- rexp(n, 3 / 7)
  ev <- cbind(rexp(n, 0.5), rexp(n, 0.3), rexp(n, 0.2))
  first <- max.col(-ev, ties.method = "first")
  tev <- ev[cbind(seq_len(n), first)]
  data.frame(time = pmin(tev, cens), status = factor(ifelse(tev <= cens, first, 0), levels = 0:3))
}
n <- as.integer(Sys.getenv("N")); n_se <- as.integer(Sys.getenv("N_SE")); reps <- as.integer(Sys.getenv("REPS"))
d <- rows(n)
t_pt <- numeric(reps)
for (i in seq_len(reps)) t_pt[i] <- system.time(f <- survfit(Surv(time, status) ~ 1, data = d, se.fit = FALSE))[["elapsed"]]
d2 <- rows(n_se)
t_se <- numeric(reps)
for (i in seq_len(reps)) t_se[i] <- system.time(f2 <- survfit(Surv(time, status) ~ 1, data = d2))[["elapsed"]]
last <- nrow(f$pstate)
cat(sprintf("# check: censored=%.4f final_cif=%s se_rows=%d final_se=%s\n", mean(d$status == "0"),
            paste(signif(f$pstate[last, -1], 6), collapse = "/"), nrow(f2$pstate),
            paste(signif(f2$std.err[nrow(f2$std.err), -1], 6), collapse = "/")), file = stderr())
cat(sprintf("peer=r-survival task=aalen-johansen n=%d seconds=%.4f n_se=%d se_seconds=%.4f\n",
            n, median(t_pt), n_se, median(t_se)))
RSCRIPT
