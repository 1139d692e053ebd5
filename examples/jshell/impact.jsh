// What did the takedown do? An intervention analysis against a counterfactual, four ways.
// Run from the repository root: jshell --class-path cli/target/channelrisk.jar examples/jshell/impact.jsh
import org.channelrisk.impact.*;
import org.channelrisk.io.Sparkline;

// A series of posts per day: a slow rise, then at day 61 a drop of 15 and a slope that turns down,
// with autocorrelated noise (AR(1), phi 0.6), as after a takedown that keeps biting.
var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(2019);
double[] day = new double[120];
double[] posts = new double[120];
double u = 0;
for (int i = 0; i < 120; i++) {
  day[i] = i + 1;
  u = 0.6 * u + 2 * rng.nextGaussian();
  double d = day[i] >= 61 ? 1 : 0;
  posts[i] = 50 + 0.2 * day[i] - 15 * d - 0.3 * (day[i] - 61) * d + u;
}
System.out.println("posts: " + Sparkline.of(posts, 60));

// Segmented regression: the slope change counts days since the intervention. Ordinary standard
// errors ignore the autocorrelation; Newey-West (as R sandwich::NeweyWest, prewhite = FALSE) does not.
var ols = ImpactAnalysis.builder().intervention(61).build().analyse(day, posts);
var hac = ImpactAnalysis.builder().intervention(61).neweyWestAuto().build().analyse(day, posts);
System.out.println("level change, OLS:         " + ols.coefficient("level_change").orElseThrow());
System.out.println("level change, Newey-West:  " + hac.coefficient("level_change").orElseThrow());

// The same regression with AR(1) errors, by exact maximum likelihood (as R arima(method = "ML")).
var arma = ImpactAnalysis.builder().intervention(61).arima(1, 0).build().analyse(day, posts);
System.out.println(arma);

// A local level fitted before day 61 and forecast after it: the counterfactual, with its band.
var level = ImpactAnalysis.builder().intervention(61).structural(Trend.LEVEL).build().analyse(day, posts);
System.out.println("relative effect, local level forecast: " + level.relativeEffect());
System.out.println("cumulative effect, segmented HAC:      " + hac.cumulativeEffect());

// The three-panel chart: observed against counterfactual, pointwise effect, cumulative effect.
org.channelrisk.cli.ImpactChart.save(level, "posts", java.nio.file.Files.createTempDirectory("impact").resolve("impact.png"));
System.out.println("intervention analysis done");
/exit
