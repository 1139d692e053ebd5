# Reference values for ParametricSurvival: intercept-only survreg fits of the R survival datasets
# (the data.csv files in ../survival/). Run from this folder: Rscript make-survreg.R > survreg.csv
library(survival)
f <- function(x) sprintf("%.17g", x)
cat("dataset,dist,mu,log_sigma,var_mu,var_log_sigma,loglik,converged\n")
for (ds in c("aml", "kidney", "lung", "ovarian", "veteran")) {
  d <- read.csv(file.path("..", "survival", ds, "data.csv"))
  for (dist in c("exponential", "weibull", "lognormal")) {
    fit <- survreg(Surv(time, status) ~ 1, data = d, dist = dist,
                   control = survreg.control(rel.tolerance = 1e-13, maxiter = 200))
    v <- vcov(fit)
    logs <- if (dist == "exponential") 0 else log(fit$scale)
    vs <- if (dist == "exponential") 0 else v[2, 2]
    cat(paste(ds, dist, f(coef(fit)[1]), f(logs), f(v[1, 1]), f(vs), f(fit$loglik[2]),
              as.integer(fit$iter < 200), sep = ","), "\n", sep = "")
  }
}
