// Simulating an action day: presets, ensembles, bands, what-ifs.
// Run from the repository root: jshell --class-path cli/target/channelrisk.jar examples/jshell/simulate.jsh
import org.channelrisk.sim.*;
import org.channelrisk.io.Sparkline;

// The November 2019 action day on a small synthetic network, with Telegram's 2019 cooperation.
var scenario = Presets.actionDay2019(2_000, true);
System.out.println(scenario);

// 20 replicates on 2 threads; the result does not depend on the number of threads.
var ensemble = Ensemble.of(scenario).replicates(20).seed(2019).threads(2).run();
System.out.println(ensemble);
System.out.println("active channels, mean: " + Sparkline.of(ensemble.mean(Observed.ACTIVE_CHANNELS), 60));
System.out.println("reach, mean:           " + Sparkline.of(ensemble.mean(Observed.AUDIENCE), 60));

// What if the action had banned only the channels, not the accounts?
var channelsOnly = Presets.actionDay2019(2_000, true, TargetingStrategy.LARGEST_AUDIENCE, BanLevel.CHANNEL);
var alt = Ensemble.of(channelsOnly).replicates(20).seed(2019).threads(2).run();
System.out.printf("reach on day 365: account bans %.0f, channel bans %.0f%n", ensemble.mean(Observed.AUDIENCE)[365], alt.mean(Observed.AUDIENCE)[365]);

// The simplest action day has a closed form, which the simulator reproduces.
System.out.printf("closed form, N 10000, f 0.3, b 0.8, rho 0.1, T 20, t 50: %.1f%n", MeanField.closedForm(10_000, 0.3, 0.8, 0.1, 20, 50));
/exit
