package org.channelrisk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.channelrisk.model.Cooperation;
import org.channelrisk.recovery.Metric;
import org.channelrisk.recovery.RecoveryResult;
import org.channelrisk.survival.KaplanMeierFit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each example at a small size. */
class ExamplesTest {
  @TempDir Path dir;

  @Test
  void actionDay2019() throws IOException {
    RecoveryResult r = ActionDay2019.run(800, 4, dir);
    assertThat(r.metric(Metric.RELATIVE_DEPTH).value()).isBetween(0.3, 1.0);
    assertThat(r.metric(Metric.RECOVERY_RATIO).value()).isLessThan(0.8);
    assertThat(dir.resolve("action-day-2019-fan.png")).isRegularFile();
  }

  @Test
  void telegramBlocks2015() throws IOException {
    KaplanMeierFit km = TelegramBlocks2015.run(1_000, dir);
    assertThat(km.pooled().survivalAt(7)).isBetween(0.88, 0.97); // 0.922 expected: 78 of 1,000 in the week
    assertThat(dir.resolve("telegram-2015-km.png")).isRegularFile();
  }

  @Test
  void platformChoice() {
    Map<Double, Map<String, Double>> shares = PlatformChoice.run(1_500);
    // operators who care about the safety class end up on the safest platform more often
    assertThat(shares.get(1.5).get("selfhosted")).isGreaterThan(shares.get(0.0).get("selfhosted"));
  }

  @Test
  void cooperationFromReferralLog() throws IOException {
    Cooperation c = CooperationFromReferralLog.run(3_000, dir);
    assertThat(c.compliance()).isBetween(0.80, 0.87);
    assertThat(dir.resolve("referrals.csv")).isRegularFile();
  }

  @Test
  void aggregateEcology() {
    List<Double> largest = AggregateEcology.run(4_000);
    assertThat(largest).hasSize(5);
    assertThat(largest.get(1)).isLessThan(largest.get(0)); // the ban breaks the large clusters
    assertThat(largest.get(2)).isGreaterThan(largest.get(1)); // and they form again
  }
}
