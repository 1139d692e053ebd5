package org.channelrisk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.channelrisk.calibrate.AbcSmc;
import org.channelrisk.calibrate.CalibrationResult;
import org.channelrisk.calibrate.Prior;
import org.channelrisk.calibrate.Statistic;
import org.channelrisk.calibrate.Target;
import org.channelrisk.sim.Observed;
import org.channelrisk.sim.Presets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A calibration whose simulations run on Spark equals the local run, for 1 and 3 partitions. */
class SparkCalibrationTest {
  static SparkSession spark;
  static JavaSparkContext sc;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("channelrisk-calibration-test").config("spark.ui.enabled", "false")
        .getOrCreate();
    sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void sameResultAsTheLocalRun() {
    AbcSmc abc = AbcSmc.builder(theta -> Presets.actionDay2019(200, Presets.telegram2019().withCompliance(theta[0])))
        .parameter("compliance", Prior.uniform(0, 1))
        .target(Target.of(new Statistic.Change(Observed.ACTIVE_CHANNELS, 21, 50, 55, 81), -0.5))
        .particles(30).budget(150).build();
    CalibrationResult local = abc.run(11, 2);
    for (int partitions : new int[] {1, 3}) {
      CalibrationResult onSpark = SparkCalibration.of(sc).withPartitions(partitions).run(abc, 11);
      assertThat(onSpark.stopReason()).isEqualTo(local.stopReason());
      assertThat(onSpark.population().history()).isEqualTo(local.population().history());
      assertThat(onSpark.population().weights()).isEqualTo(local.population().weights());
      for (int i = 0; i < local.population().size(); i++) {
        assertThat(onSpark.population().values(i)).isEqualTo(local.population().values(i));
      }
    }
  }
}
