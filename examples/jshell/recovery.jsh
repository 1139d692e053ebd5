// Recovery after a takedown: fit, compare models, read the metrics.
// Run from the repository root: jshell --class-path cli/target/channelrisk.jar examples/jshell/recovery.jsh
import org.channelrisk.recovery.*;
import org.channelrisk.io.Sparkline;

// A series: 30 days at about 1,000 active channels, a takedown, then a partial recovery (noise added).
var rng = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(42);
double[] day = new double[120];
double[] active = new double[120];
for (int i = 0; i < 120; i++) {
  day[i] = i;
  double s = i - 30;
  active[i] = (i < 30 ? 1000 : 880 - (880 - 150) * Math.exp(-0.07 * s)) + 12 * rng.nextGaussian();
}
System.out.println("the series: " + Sparkline.of(active, 60));

// The takedown is found as the largest drop; all five models are fitted and compared by AICc.
var result = RecoveryAnalysis.builder().build().analyse(day, active);
System.out.println(result);

// One metric, with its interval and how it was computed.
System.out.println("T50 = " + result.metric(Metric.T50));

// A seeded bootstrap gives the same intervals on any number of threads.
var boot = RecoveryAnalysis.builder().models(RecoveryModel.EXPONENTIAL).bootstrap(300, RecoveryAnalysis.Bootstrap.RESIDUAL, 7).threads(2).build().analyse(day, active);
System.out.println("T50, bootstrap = " + boot.metric(Metric.T50));
/exit
