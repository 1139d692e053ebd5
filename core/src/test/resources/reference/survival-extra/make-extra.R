# Golden values for the parts of org.channelrisk.survival that the per-dataset tables of
# ../survival/ do not reach: Kaplan-Meier with entry times (left truncation) at a 90% level, the
# log-rank test between four groups and within strata, Cox models with three covariates, a loose
# tolerance and an iteration limit, survreg with a censored time far in the tail, Aalen-Johansen
# with a risk set that empties and refills. Run from this folder:  Rscript make-extra.R
# R 4.2.2, survival 3.5-3 (see versions.csv). Numbers are written with %.17g; NA means R returned
# NA. The data is written to data.csv first and read back, so R and the tests use the same doubles.
suppressPackageStartupMessages(library(survival))
fmt <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))
write_tab <- function(df, file) {
  out <- df
  for (k in names(out)) if (is.numeric(out[[k]])) out[[k]] <- fmt(out[[k]])
  write.table(out, file, sep = ",", quote = FALSE, row.names = FALSE, na = "NA")
}

# survival::veteran with its four cell types as groups, and a made-up entry time (left truncation):
# a fixed fraction of each time, rounded down, so that entries tie with event times.
v <- survival::veteran
u <- ((seq_len(nrow(v)) * 37) %% 100) / 100
write_tab(data.frame(time = v$time, status = v$status, group = as.character(v$celltype),
                     entry = floor(v$time * u), trt = v$trt, karno = v$karno, age = v$age),
          "data.csv")
d <- read.csv("data.csv", colClasses = c(group = "character"))

# 1. Kaplan-Meier with entry times, 90% limits, pooled (strata ALL) then per group
km_rows <- function(f, label) {
  strata <- if (is.null(f$strata)) rep(label, length(f$time)) else rep(sub("^group=", "", names(f$strata)), f$strata)
  data.frame(strata = strata, time = f$time, n.risk = f$n.risk, n.event = f$n.event, n.censor = f$n.censor,
             surv = f$surv, std.err = f$std.err, lower = f$lower, upper = f$upper, cumhaz = f$cumhaz,
             std.chaz = f$std.chaz, stringsAsFactors = FALSE)
}
q_rows <- list(); m_rows <- list()
for (ct in c("log", "log-log", "plain")) {
  f0 <- survfit(Surv(entry, time, status) ~ 1, data = d, conf.type = ct, conf.int = 0.90)
  fg <- survfit(Surv(entry, time, status) ~ group, data = d, conf.type = ct, conf.int = 0.90)
  write_tab(rbind(km_rows(f0, "ALL"), km_rows(fg, "")), paste0("km_entry_", sub("-", "", ct), ".csv"))
  probs <- c(0.1, 0.25, 0.5, 0.75, 0.9)
  for (f in list(f0, fg)) {
    q <- quantile(f, probs = probs)
    labels <- if (is.null(f$strata)) "ALL" else sub("^group=", "", names(f$strata))
    qq <- if (is.matrix(q$quantile)) q$quantile else matrix(q$quantile, nrow = 1)
    ql <- if (is.matrix(q$lower)) q$lower else matrix(q$lower, nrow = 1)
    qu <- if (is.matrix(q$upper)) q$upper else matrix(q$upper, nrow = 1)
    for (s in seq_along(labels)) {
      q_rows[[length(q_rows) + 1]] <- data.frame(conf.type = ct, strata = labels[s], prob = probs,
                                                 quantile = qq[s, ], lower = ql[s, ], upper = qu[s, ])
    }
    tab <- summary(f, rmean = 200)$table
    if (!is.matrix(tab)) tab <- matrix(tab, nrow = 1, dimnames = list("ALL", names(tab)))
    m_rows[[length(m_rows) + 1]] <- data.frame(conf.type = ct, strata = labels, median = tab[, "median"],
                                               median.lower = tab[, "0.9LCL"], median.upper = tab[, "0.9UCL"],
                                               rmean = tab[, "rmean"], se.rmean = tab[, "se(rmean)"])
  }
}
write_tab(do.call(rbind, q_rows), "quantiles_entry.csv")
write_tab(do.call(rbind, m_rows), "median_rmean_entry.csv")

# 2. Log-rank and G-rho tests: four groups (rho 0, 0.5, 1); four groups within the strata trt; two
#    groups (trt) within the strata cell type
lr <- list(); lg <- list()
specs <- list(
  list(test = "celltype", rho = 0, f = Surv(time, status) ~ group),
  list(test = "celltype", rho = 0.5, f = Surv(time, status) ~ group),
  list(test = "celltype", rho = 1, f = Surv(time, status) ~ group),
  list(test = "celltype_by_trt", rho = 0, f = Surv(time, status) ~ group + strata(trt)),
  list(test = "celltype_by_trt", rho = 1, f = Surv(time, status) ~ group + strata(trt)),
  list(test = "trt_by_celltype", rho = 0, f = Surv(time, status) ~ trt + strata(group)),
  list(test = "trt_by_celltype", rho = 1, f = Surv(time, status) ~ trt + strata(group)))
for (s in specs) {
  sd <- survdiff(s$f, data = d, rho = s$rho)
  o <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  e <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  df <- sum(e > 0) - 1
  lr[[length(lr) + 1]] <- data.frame(test = s$test, rho = s$rho, chisq = sd$chisq, df = df,
                                     p = pchisq(sd$chisq, df, lower.tail = FALSE))
  lg[[length(lg) + 1]] <- data.frame(test = s$test, rho = s$rho, group = sub("^.*=", "", names(sd$n)),
                                     n = as.vector(sd$n), observed = o, expected = e, var.diag = diag(sd$var))
}
write_tab(do.call(rbind, lr), "logrank.csv")
write_tab(do.call(rbind, lg), "logrank_groups.csv")

# 3. Cox models: three covariates, both tie methods, R's default control; a loose tolerance; an
#    iteration limit of 2 (R warns that it ran out of iterations)
cx <- list()
fits <- list(
  list(name = "default", ties = "efron", eps = 1e-9, iter = 20),
  list(name = "default", ties = "breslow", eps = 1e-9, iter = 20),
  list(name = "eps1e-3", ties = "efron", eps = 1e-3, iter = 20),
  list(name = "iter2", ties = "efron", eps = 1e-9, iter = 2))
for (s in fits) {
  m <- suppressWarnings(coxph(Surv(time, status) ~ trt + karno + age, data = d, ties = s$ties,
                              control = coxph.control(eps = s$eps, iter.max = s$iter)))
  ci <- summary(m, conf.int = 0.95)$conf.int
  cx[[length(cx) + 1]] <- data.frame(fit = s$name, ties = s$ties, term = names(coef(m)), coef = unname(coef(m)),
                                     se = unname(sqrt(diag(m$var))), hr.lower = unname(ci[, "lower .95"]),
                                     hr.upper = unname(ci[, "upper .95"]), loglik.null = m$loglik[1],
                                     loglik = m$loglik[2], wald.test = m$wald.test, score.test = m$score,
                                     iter = m$iter)
}
write_tab(do.call(rbind, cx), "cox.csv")
# 4. Intercept-only survreg fits where a censored time lies far in the tail of the starting values
#    (the log-normal's survival underflows there), with survreg's variance of (mu, log sigma)
tail_t <- c(1, 2, 3, 4, 6, 1e30)
tail_e <- c(1, 1, 1, 1, 0, 0)
sr <- list()
for (dist in c("weibull", "lognormal")) {
  f <- survreg(Surv(tail_t, tail_e) ~ 1, dist = dist, control = survreg.control(rel.tolerance = 1e-13, maxiter = 200))
  vv <- vcov(f)
  sr[[dist]] <- data.frame(dist = dist, mu = unname(coef(f)[1]), log_sigma = log(f$scale), var_mu = vv[1, 1],
                           var_log_sigma = vv[2, 2], cov_mu_log_sigma = vv[1, 2], loglik = f$loglik[2])
}
write_tab(do.call(rbind, sr), "survreg_tail.csv")
# 5. Aalen-Johansen with entry times where the risk set empties (at 2, by censoring) and refills
#    (entries at 2, 2 and 2.5), and where an entry equals an end time (3); survfit's multi-state curves
gap <- data.frame(id = 1:7, entry = c(0, 0, 0.5, 2, 2, 3, 2.5), time = c(1, 1.5, 2, 3, 4, 5, 4),
                  status = c("x", "censored", "censored", "x", "y", "x", "censored"), stringsAsFactors = FALSE)
ev <- factor(ifelse(gap$status == "censored", "0", gap$status))
fg <- survfit(Surv(entry, time, ev) ~ 1, data = gap, id = id, timefix = FALSE)
gap_rows <- list()
for (cause in c("x", "y")) {
  j <- match(cause, fg$states)
  gap_rows[[cause]] <- data.frame(time = fg$time, n_risk = fg$n.risk[, 1], cause = cause, n_event = fg$n.event[, j],
                                  cif = fg$pstate[, j], std_err = fg$std.err[, j], lower = fg$lower[, j],
                                  upper = fg$upper[, j], stringsAsFactors = FALSE)
}
write_tab(gap, "cif_gap_data.csv")
write_tab(do.call(rbind, gap_rows), "cif_gap.csv")
write_tab(data.frame(software = c("R", "survival"),
                     version = c(R.version.string, as.character(packageVersion("survival")))), "versions.csv")
