# Golden values for the competing-risks estimators (org.channelrisk.survival: AalenJohansen,
# GrayTest, FineGray, cause-specific Cox). Run from this folder:  Rscript make-competing.R
# R 4.2, survival 3.5-3, cmprsk 2.2-11 (see versions.csv). Numbers are written with %.17g;
# NA means R returned NA. Every data set is written to data.csv first and read back, so R and the
# tests compute from the very same doubles.
suppressPackageStartupMessages({ library(survival); library(cmprsk) })
fmt <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))
write_tab <- function(df, file) {
  out <- df
  for (k in names(out)) if (is.numeric(out[[k]])) out[[k]] <- fmt(out[[k]])
  write.table(out, file, sep = ",", quote = FALSE, row.names = FALSE, na = "NA")
}

# CIF rows as the Java table: group, time, n_risk, cause, n_event, cif, std_err, lower, upper
cif_rows <- function(fit, causes, grouped) {
  st <- fit$states
  strata <- if (grouped) rep(sub("^group=", "", names(fit$strata)), fit$strata) else rep("", length(fit$time))
  rows <- list()
  for (c in causes) {
    j <- match(c, st)
    rows[[c]] <- data.frame(group = strata, time = fit$time, n_risk = fit$n.risk[, 1], cause = c,
                            n_event = fit$n.event[, j], cif = fit$pstate[, j], std_err = fit$std.err[, j],
                            lower = fit$lower[, j], upper = fit$upper[, j], stringsAsFactors = FALSE)
  }
  out <- do.call(rbind, rows)
  out[order(match(out$group, unique(strata)), out$time, match(out$cause, causes)), ]
}

golden <- function(name, d, covariates, entry = FALSE) {
  dir.create(name, showWarnings = FALSE)
  write_tab(d, file.path(name, "data.csv"))
  d <- read.csv(file.path(name, "data.csv"), colClasses = c(group = "character", status = "character"))
  ev <- factor(ifelse(d$status == "censored", "0", d$status))
  causes <- setdiff(levels(ev), "0")
  if (!entry) {  # on the calendar scale only the left-truncated curves make sense
    for (ct in c("log", "log-log", "plain")) {
      suffix <- sub("-", "", ct)
      f <- survfit(Surv(time, ev) ~ group, data = d, conf.type = ct, timefix = FALSE)
      write_tab(cif_rows(f, causes, TRUE), file.path(name, paste0("cif_", suffix, ".csv")))
    }
    f1 <- survfit(Surv(time, ev) ~ 1, data = d, timefix = FALSE)
    write_tab(cif_rows(f1, causes, FALSE), file.path(name, "cif_pooled_log.csv"))
  }
  if (entry) {
    d$id <- seq_len(nrow(d))
    f <- survfit(Surv(entry, time, ev) ~ group, data = d, id = id, timefix = FALSE)
    write_tab(cif_rows(f, causes, TRUE), file.path(name, "cif_entry_log.csv"))
  }
  # Gray's test, one row per cause
  cu <- cuminc(d$time, d$status, d$group, cencode = "censored")
  tests <- cu$Tests
  write_tab(data.frame(cause = rownames(tests), statistic = tests[, "stat"], p_value = tests[, "pv"],
                       df = tests[, "df"]), file.path(name, "gray.csv"))
  # Fine-Gray and cause-specific Cox, one row per cause and covariate
  x <- as.matrix(d[, covariates, drop = FALSE])
  fg <- list(); cs <- list()
  for (c in causes) {
    m <- crr(d$time, d$status, x, failcode = c, cencode = "censored")
    fg[[c]] <- data.frame(cause = c, term = covariates, coef = m$coef, std_error = sqrt(diag(m$var)),
                          converged = m$converged, loglik = m$loglik, loglik_null = m$loglik.null)
    cx <- coxph(Surv(time, status == c) ~ x, data = d, timefix = FALSE)
    cs[[c]] <- data.frame(cause = c, term = covariates, coef = unname(coef(cx)), std_error = unname(sqrt(diag(vcov(cx)))),
                          loglik = cx$loglik[2], iterations = cx$iter)
  }
  write_tab(do.call(rbind, fg), file.path(name, "finegray.csv"))
  write_tab(do.call(rbind, cs), file.path(name, "coxcs.csv"))
  write_tab(data.frame(software = c("R", "survival", "cmprsk"),
                       version = c(R.version.string, as.character(packageVersion("survival")),
                                   as.character(packageVersion("cmprsk")))), file.path(name, "versions.csv"))
}

# 1. survival::mgus2: progression to a plasma-cell malignancy (pcm) against death without it.
m <- survival::mgus2
etime <- ifelse(m$pstat == 0, m$futime, m$ptime)
status <- ifelse(m$pstat == 1, "pcm", ifelse(m$death == 1, "death", "censored"))
golden("mgus2", data.frame(time = etime, status = status, group = as.character(m$sex), age = m$age,
                           male = as.numeric(m$sex == "M"), stringsAsFactors = FALSE), c("age", "male"))

# 2. Channel incarnations in the lifetimes format (simlife/lifetimes.csv, written by the tests'
#    LifetimesGenerator): durations end - start by platform; and on the calendar scale with the
#    start as entry time (left truncation).
l <- read.csv("simlife/lifetimes.csv", stringsAsFactors = FALSE)
golden("simlife", data.frame(time = l$end - l$start, status = l$status, group = l$platform,
                             generation = l$generation, official = as.numeric(l$role == "official_outlet"),
                             stringsAsFactors = FALSE), c("generation", "official"))
golden("simlife_calendar", data.frame(entry = l$start, time = l$end, status = l$status, group = l$platform,
                                      generation = l$generation, official = as.numeric(l$role == "official_outlet"),
                                      stringsAsFactors = FALSE), c("generation", "official"), entry = TRUE)

# 3. Discrete times with many ties: three causes, three groups.
set.seed(20191121)
n <- 300
g <- sample(c("a", "b", "c"), n, replace = TRUE)
x1 <- round(rnorm(n), 3)
x2 <- rbinom(n, 1, 0.4)
rate <- c(a = 1, b = 1.4, c = 0.8)[g] * exp(0.3 * x1)
t_ev <- ceiling(rexp(n, rate) * 6)
cause <- sample(c("removed", "abandoned", "migrated"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
cause[x2 == 1 & runif(n) < 0.3] <- "removed"
t_c <- ceiling(rexp(n, 0.4) * 6)
golden("ties3", data.frame(time = pmin(t_ev, t_c), status = ifelse(t_ev <= t_c, cause, "censored"), group = g,
                           x1 = x1, x2 = x2, stringsAsFactors = FALSE), c("x1", "x2"))
# Gray's test stratified by x2, and with rho = 1
d <- read.csv("ties3/data.csv", colClasses = c(group = "character", status = "character"))
for (spec in list(list(file = "gray_strata.csv", strata = d$x2, rho = 0), list(file = "gray_rho1.csv", strata = NULL, rho = 1))) {
  cu <- if (is.null(spec$strata)) cuminc(d$time, d$status, d$group, rho = spec$rho, cencode = "censored") else
    cuminc(d$time, d$status, d$group, strata = spec$strata, rho = spec$rho, cencode = "censored")
  write_tab(data.frame(cause = rownames(cu$Tests), statistic = cu$Tests[, "stat"], p_value = cu$Tests[, "pv"],
                       df = cu$Tests[, "df"]), file.path("ties3", spec$file))
}

# 4. A small hand-made set: ties between causes and censorings, a cause that one group never has,
#    a group whose last row is an event (its survival drops to 0).
golden("small", data.frame(
  time   = c(1, 2, 2, 2, 3, 4, 4, 5, 6, 7, 8, 8, 1, 2, 3, 3, 3, 5, 6, 6, 7, 9),
  status = c("x", "y", "x", "censored", "x", "censored", "y", "x", "censored", "y", "x", "y",
             "y", "censored", "y", "y", "censored", "y", "x", "censored", "y", "censored"),
  group  = c(rep("p", 12), rep("q", 10)),
  z      = c(0.5, 1.2, -0.3, 0.8, 2.0, -1.1, 0.1, 0.9, -0.4, 1.5, 0.0, -0.7, 0.3, 1.1, -0.9, 0.6, 0.2, -1.3, 1.8, 0.4, -0.2, 0.7),
  stringsAsFactors = FALSE), c("z"))
