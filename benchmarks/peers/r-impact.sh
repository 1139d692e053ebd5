#!/usr/bin/env bash
# Peer timing for ImpactBenchmark: R lm + sandwich::NeweyWest on a 10^5-point segmented series, and
# arima(order = c(1, 0, 1), xreg, method = "ML") on 1,000 points, the same kind of series as the
# benchmark (its own draws: set.seed(20191121)). Data generation is not timed.
# Timing: system.time(...)[["elapsed"]], 5 repetitions, median.
# Output (stdout, one line):
#   peer=r-impact n=100000 segmented_seconds=<median> arma_n=1000 arma_seconds=<median>
# A "# check:" line on stderr shows the fits (level change, Newey-West lag and standard error, ARMA log-likelihood).
# Needs: apt-get install r-base-core r-cran-sandwich. Smaller smoke run: N=10000 bash benchmarks/peers/r-impact.sh
set -euo pipefail
N="${N:-100000}"
if ! command -v Rscript >/dev/null 2>&1 || ! Rscript -e 'quit(status = !requireNamespace("sandwich", quietly = TRUE))' >/dev/null 2>&1; then
  echo "r-impact.sh: needs Rscript and the R package sandwich (apt-get install r-base-core r-cran-sandwich)" >&2
  exit 1
fi
N="$N" Rscript --vanilla - <<'RSCRIPT'
suppressPackageStartupMessages(library(sandwich))
n <- as.integer(Sys.getenv("N"))
set.seed(20191121)
t <- 1:n
T0 <- n / 2
D <- as.numeric(t >= T0)
u <- as.numeric(stats::filter(rnorm(n), 0.5, method = "recursive"))
y <- 50 + 0.001 * t - 5 * D - 0.002 * (t - T0) * D + u
since <- (t - T0) * D
lag <- floor(4 * (n / 100)^(2 / 9))
ta <- 1:1000
Da <- as.numeric(ta >= 500)
ya <- 50 + 0.01 * ta - 5 * Da - 0.02 * (ta - 500) * Da + as.numeric(arima.sim(list(ar = 0.5, ma = 0.3), n = 1000))
Xa <- cbind(time = ta, level_change = Da, slope_change = (ta - 500) * Da)
reps <- 5
t_seg <- t_arma <- numeric(reps)
for (i in seq_len(reps)) {
  t_seg[i] <- system.time({
    fit <- lm(y ~ t + D + since)
    v <- NeweyWest(fit, lag = lag, prewhite = FALSE, adjust = FALSE)
  })[["elapsed"]]
  t_arma[i] <- system.time(a <- arima(ya, order = c(1, 0, 1), xreg = Xa, method = "ML"))[["elapsed"]]
}
cat(sprintf("# check: level_change=%.6g nw_lag=%d nw_se=%.6g arma_loglik=%.10g arma_code=%d\n", coef(fit)[3], lag,
            sqrt(v[3, 3]), a$loglik, a$code), file = stderr())
cat(sprintf("peer=r-impact n=%d segmented_seconds=%.4f arma_n=1000 arma_seconds=%.4f\n", n, median(t_seg), median(t_arma)))
RSCRIPT
