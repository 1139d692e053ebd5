// Survival analysis of channel lifetimes, exact to R's survival package.
// Run from the repository root: jshell --class-path cli/target/channelrisk.jar examples/jshell/survival.jsh
import org.channelrisk.survival.*;

// R's aml data (weeks to relapse; false = censored), by maintenance chemotherapy.
double[] weeks = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45};
boolean[] event = {true, true, false, true, true, false, true, true, false, true, false,
                   true, true, true, true, true, false, true, true, true, true, true, true};
String[] group = new String[23];
for (int i = 0; i < 23; i++) group[i] = i < 11 ? "Maintained" : "Nonmaintained";
var data = SurvivalData.of(weeks, event).withGroups(group);

var km = KaplanMeier.estimate(data);
System.out.println(km);
System.out.println("median, all: " + km.pooled().median());              // 27 (18, 45), as R
System.out.println("restricted mean to 48 weeks: " + km.pooled().restrictedMean(48));
System.out.println(LogRankTest.test(data));                               // chisq 3.396, p 0.0653, as R's survdiff
double[][] x = new double[23][1];
for (int i = 0; i < 23; i++) x[i][0] = i < 11 ? 0 : 1;
System.out.println(CoxRegression.defaults().fit(data, x, java.util.List.of("nonmaintained")));
System.out.println(ParametricSurvival.best(data));
/exit
