# Golden values for org.channelrisk.stats.SampleQuantiles: R's quantile(x, p, type = 7), the default.
# Run from this folder with: Rscript make-quantiles.R   (writes quantiles.csv)
# Every number is printed with 17 significant digits, so that it reads back as the same double.
set.seed(20191121)
g <- function(v) sprintf("%.17g", v)
cases <- list(
  c(3, 1, 2, 4),
  c(0.1, 0.2, 0.7),
  c(5),
  c(1, 1, 1, 2),
  runif(7),
  rnorm(10) * 1e3,
  rexp(25),
  c(1e-300, 1, 1e300),
  round(runif(11) * 100) / 7,
  rnorm(200, mean = 0.6, sd = 0.2),
  c(-Inf, 1, 2, 3),
  c(1, 2, 3, Inf),
  cumsum(rexp(31)) / 3
)
probs <- c(0, 0.001, 0.01, 0.05, 0.1, 0.25, 1/3, 0.5, 2/3, 0.75, 0.9, 0.95, 0.975, 0.99, 1)
rows <- NULL
for (k in seq_along(cases)) {
  x <- cases[[k]]
  q <- quantile(x, probs, type = 7, names = FALSE)
  rows <- rbind(rows, data.frame(case = k, p = g(probs), q = g(q),
                                 values = paste(g(x), collapse = ";")))
}
write.csv(rows, "quantiles.csv", row.names = FALSE, quote = TRUE)
cat(R.version.string, "\n")
