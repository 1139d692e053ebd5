package org.channelrisk.spark.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The example's full sweep (24 scenarios x 200 replicates) in local mode equals the local engine's. */
class TakedownPlanSweepTest {
  @Test
  void fullSweepInLocalModeEqualsTheLocalEngine() {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("channelrisk-example-test")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      TakedownPlanSweep.Options o = TakedownPlanSweep.Options.parse(new String[] {"--replicates", "200", "--check"});
      TakedownPlanSweep.Outcome out = TakedownPlanSweep.run(spark, o);
      assertThat(out.result().scenarios()).hasSize(24);
      assertThat(out.result().scenario(0).replicates()).isEqualTo(200);
      assertThat(out.equalToLocal()).isTrue();
      List<String> report = TakedownPlanSweep.report(out);
      report.forEach(System.out::println);
      assertThat(report).hasSize(2 + 24 + 1);
      assertThat(report.get(report.size() - 1)).contains("EQUAL");
    } finally {
      spark.stop();
    }
  }

  @Test
  void badOptionsNameTheOption() {
    assertThatThrownBy(() -> TakedownPlanSweep.Options.parse(new String[] {"--replicates", "0"}))
        .hasMessage("--replicates must be a positive integer: 0");
    assertThatThrownBy(() -> TakedownPlanSweep.Options.parse(new String[] {"--format", "xls"}))
        .hasMessage("--format must be parquet or csv: xls");
    assertThatThrownBy(() -> TakedownPlanSweep.Options.parse(new String[] {"--bogus", "1"})).hasMessageStartingWith("unknown option --bogus");
    assertThatThrownBy(() -> TakedownPlanSweep.Options.parse(new String[] {"--seed"})).hasMessage("option --seed needs a value");
  }
}
