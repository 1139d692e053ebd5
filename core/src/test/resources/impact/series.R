# Makes the synthetic series of the impact tests (run from this folder: Rscript series.R).
# Each is a story the package is for: a level drop after an action day with autocorrelated noise,
# a weekly cycle with a control series, and daily counts with an exposure (channels observed).
# The fourth series, simulate-nov2019.csv, is the unchanged output of
#   channelrisk simulate --scenario nov2019-2000.yaml --replicates 20 --seed 2019 --threads 2 --output simulate-nov2019.csv
set.seed(20191121)
fmt <- function(x) formatC(x, digits = 17, format = "g")

# 1. drop.csv: 120 days, action at day 61: level -15, slope -0.3 per day after it, AR(1) noise (phi 0.6, sd 2)
t <- 1:120
T0 <- 61
D <- as.numeric(t >= T0)
u <- as.numeric(arima.sim(list(ar = 0.6), n = 120, sd = 2))
y <- 50 + 0.2 * t - 15 * D - 0.3 * (t - T0) * D + u
write.csv(data.frame(day = t, posts = fmt(y)), "drop.csv", row.names = FALSE, quote = FALSE)

# 2. seasonal.csv: 168 days (24 weeks) from day 0, action at day 112; weekly cycle, a control series
#    (another platform's activity: a random walk with the same weekly cycle), ARMA(1, 1) noise
t <- 0:167
T0 <- 112
D <- as.numeric(t >= T0)
w <- 2 * pi * t / 7
other <- 300 + cumsum(rnorm(168, 0, 3)) + 15 * sin(w)
u <- as.numeric(arima.sim(list(ar = 0.5, ma = 0.3), n = 168, sd = 4))
y <- 200 + 0.5 * t + 20 * sin(w) + 10 * cos(w) + 5 * sin(2 * w) + 0.8 * (other - 300) - 40 * D - 0.5 * (t - T0) * D + u
write.csv(data.frame(day = t, posts = fmt(y), other_platform = fmt(other)), "seasonal.csv", row.names = FALSE, quote = FALSE)

# 3. counts.csv: 100 days, action at day 50; posts counted over the channels observed that day
#    (the exposure); overdispersed (negative binomial, size 20)
t <- 1:100
T0 <- 50
D <- as.numeric(t >= T0)
channels <- round(100 + 20 * sin(2 * pi * t / 30) + rnorm(100, 0, 5))
mu <- channels * exp(-1 + 0.005 * t - 0.7 * D - 0.01 * (t - T0) * D)
posts <- rnbinom(100, size = 20, mu = mu)
write.csv(data.frame(day = t, posts = posts, channels = channels), "counts.csv", row.names = FALSE, quote = FALSE)
