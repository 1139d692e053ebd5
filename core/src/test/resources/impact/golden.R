# Golden values of the impact tests, from R (run from this folder: Rscript golden.R > golden.csv).
# R 4.2 with sandwich (Newey-West), stats lm / glm / arima / StructTS. Output: one value per line,
#   case,item,name,value
# with 17 significant digits. A case is <series>.<model>.
suppressPackageStartupMessages(library(sandwich))
options(warn = 1)
out <- function(case, item, name, value) {
  cat(sprintf("%s,%s,%s,%s\n", case, item, name, sprintf("%.17g", value)), sep = "")
}
design <- function(t, T0, controls = NULL, period = NA, K = 0) {
  D <- as.numeric(t >= T0)
  X <- cbind(intercept = 1, time = t, level_change = D, slope_change = (t - T0) * D)
  if (!is.null(controls)) X <- cbind(X, as.matrix(controls))
  if (K > 0) for (k in 1:K) {
    s <- cbind(sin(2 * pi * k * t / period), cos(2 * pi * k * t / period))
    colnames(s) <- c(paste0("sin", k), paste0("cos", k))
    X <- cbind(X, s)
  }
  X
}
series <- list(
  drop = list(file = "drop.csv", time = "day", value = "posts", T0 = 61, controls = NULL, period = NA, K = 0,
              count = "posts", offset = NULL, ar = 1, ma = 0),
  seasonal = list(file = "seasonal.csv", time = "day", value = "posts", T0 = 112, controls = "other_platform", period = 7, K = 2,
                  count = "posts", offset = NULL, ar = 1, ma = 1),
  counts = list(file = "counts.csv", time = "day", value = "posts", T0 = 50, controls = NULL, period = NA, K = 0,
                count = "posts", offset = "channels", ar = 1, ma = 0),
  simulate = list(file = "simulate-nov2019.csv", time = "time", value = "audience_mean", T0 = 51, controls = NULL, period = NA, K = 0,
                  count = "posts_mean", offset = NULL, ar = 2, ma = 0)
)
cat("case,item,name,value\n")
for (s in names(series)) {
  cfg <- series[[s]]
  d <- read.csv(cfg$file)
  t <- d[[cfg$time]]
  y <- d[[cfg$value]]
  ctr <- if (is.null(cfg$controls)) NULL else d[, cfg$controls, drop = FALSE]
  X <- design(t, cfg$T0, ctr, cfg$period, cfg$K)
  n <- length(y)
  # segmented: lm, ordinary and Newey-West standard errors
  fit <- lm(y ~ X - 1)
  b <- coef(fit); names(b) <- colnames(X)
  case <- paste0(s, ".segmented")
  for (j in seq_along(b)) out(case, "coef", colnames(X)[j], b[j])
  se <- sqrt(diag(vcov(fit)))
  for (j in seq_along(b)) out(case, "se_ols", colnames(X)[j], se[j])
  lagAuto <- floor(4 * (n / 100)^(2 / 9))
  for (L in unique(c(3, lagAuto))) {
    v <- NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)
    for (j in seq_along(b)) out(case, paste0("se_nw", L), colnames(X)[j], sqrt(v[j, j]))
  }
  out(case, "lag_auto", "lag", lagAuto)
  out(case, "stat", "sigma2", summary(fit)$sigma^2)
  out(case, "stat", "loglik", as.numeric(logLik(fit)))
  out(case, "stat", "aic", AIC(fit))
  # poisson: quasi-Poisson with offset, iterated to a 1e-12 relative deviance change
  yc <- d[[cfg$count]]
  off <- if (is.null(cfg$offset)) rep(0, n) else log(d[[cfg$offset]])
  g <- glm(yc ~ X - 1 + offset(off), family = quasipoisson, control = glm.control(epsilon = 1e-12, maxit = 100))
  sg <- summary(g)
  case <- paste0(s, ".poisson")
  for (j in seq_along(b)) out(case, "coef", colnames(X)[j], coef(g)[j])
  for (j in seq_along(b)) out(case, "se", colnames(X)[j], sg$coefficients[j, 2])
  out(case, "stat", "dispersion", sg$dispersion)
  out(case, "stat", "iterations", g$iter)
  # R's default stopping rule (epsilon 1e-8), for the record
  g8 <- glm(yc ~ X - 1 + offset(off), family = quasipoisson)
  out(case, "stat", "max_rel_diff_default_epsilon", max(abs(coef(g8) / coef(g) - 1)))
  # arima: regression with ARMA(p, q) errors, exact ML
  case <- paste0(s, ".arima")
  a <- arima(y, order = c(cfg$ar, 0, cfg$ma), xreg = X[, -1, drop = FALSE], include.mean = TRUE, method = "ML")
  out(case, "order", "p", cfg$ar)
  out(case, "order", "q", cfg$ma)
  cn <- names(coef(a))
  cn[cn == "intercept"] <- "intercept"
  for (j in seq_along(cn)) out(case, "coef", cn[j], coef(a)[j])
  for (j in seq_along(cn)) out(case, "se", cn[j], sqrt(diag(a$var.coef))[j])
  out(case, "stat", "loglik", a$loglik)
  out(case, "stat", "sigma2", a$sigma2)
  out(case, "stat", "aic", a$aic)
  out(case, "stat", "code", a$code)
  # structural: local level and local linear trend on the pre-period, forecast over the post-period
  pre <- y[t < cfg$T0]
  h <- sum(t >= cfg$T0)
  for (type in c("level", "trend")) {
    case <- paste0(s, ".structural_", type)
    st <- StructTS(pre, type = type)
    for (j in seq_along(st$coef)) out(case, "coef", names(st$coef)[j], st$coef[j])
    out(case, "stat", "loglik", st$loglik)
    out(case, "stat", "code", st$code)
    pr <- predict(st, n.ahead = h)
    for (i in 1:h) out(case, "pred", i, pr$pred[i])
    for (i in 1:h) out(case, "se", i, pr$se[i])
  }
}
