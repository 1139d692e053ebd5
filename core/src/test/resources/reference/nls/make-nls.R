# Reference values for FitResult's information criteria: R's nls on an exponential recovery series.
# Run from this folder: Rscript make-nls.R > nls-aic.csv
s <- 0:29
y <- c(21.3, 28.9, 33.6, 41.2, 45.0, 50.7, 53.1, 58.4, 60.2, 63.9, 65.1, 68.8, 69.0, 71.7, 72.9,
       74.6, 74.1, 76.9, 77.3, 78.8, 78.0, 80.1, 79.6, 81.2, 80.9, 81.7, 82.4, 81.9, 83.0, 82.6)
w <- 1 / pmax(y, 1)
f <- function(x) sprintf("%.17g", x)
cat("weighted,a,b,k,se_a,se_b,se_k,rss,loglik,aic,bic\n")
for (weighted in c(FALSE, TRUE)) {
  fit <- if (weighted) nls(y ~ a - (a - b) * exp(-k * s), start = list(a = 80, b = 20, k = 0.1), weights = w,
                           control = nls.control(tol = 1e-7, minFactor = 1e-10))
         else nls(y ~ a - (a - b) * exp(-k * s), start = list(a = 80, b = 20, k = 0.1), control = nls.control(tol = 1e-7, minFactor = 1e-10))
  co <- summary(fit)$coefficients
  cat(paste(as.integer(weighted), f(co[1, 1]), f(co[2, 1]), f(co[3, 1]), f(co[1, 2]), f(co[2, 2]), f(co[3, 2]),
            f(deviance(fit)), f(as.numeric(logLik(fit))), f(AIC(fit)), f(BIC(fit)), sep = ","), "\n", sep = "")
}
