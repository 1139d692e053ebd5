package org.channelrisk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.LatencyDistribution;
import org.junit.jupiter.api.Test;

/** Builders with named settings, each taken once. */
class NamedBuildersTest {
  private final Scenario small = Presets.telegram2015(200);

  @Test
  void anEnsembleIsConfiguredByName() {
    EnsembleSummary a = Ensemble.of(small).replicates(3).seed(7).threads(2).run();
    EnsembleSummary b = Ensemble.of(small).seed(7).replicates(3).run();
    assertThat(a).isEqualTo(b);
    assertThat(a.replicates()).isEqualTo(3);
  }

  @Test
  void anEnsembleRefusesASecondSettingAndAMissingOne() {
    assertThatThrownBy(() -> Ensemble.of(small).replicates(3).replicates(4)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("replicates was already set to 3");
    assertThatThrownBy(() -> Ensemble.of(small).seed(1).seed(2)).hasMessageContaining("seed was already set");
    assertThatThrownBy(() -> Ensemble.of(small).threads(1).threads(2)).hasMessageContaining("threads was already set");
    assertThatThrownBy(() -> Ensemble.of(small).replicates(3).run()).hasMessageContaining("set the seed");
    assertThatThrownBy(() -> Ensemble.of(small).seed(3).run()).hasMessageContaining("set the number of replicates");
    assertThatThrownBy(() -> Ensemble.of(small).replicates(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRunIsConfiguredByNameAndEqualsTheShortForm() {
    @SuppressWarnings("removal")
    Simulation.Run old = Simulation.run(small, 7, 2);
    Simulation.Run named = Simulation.of(small).replicate(2).seed(7).run();
    assertThat(named.trajectory()).isEqualTo(old.trajectory());
    assertThat(Simulation.of(small).seed(7).run().trajectory()).isEqualTo(Simulation.of(small).seed(7).replicate(0).run().trajectory());
    assertThatThrownBy(() -> Simulation.of(small).seed(1).seed(2)).hasMessageContaining("seed was already set to 1");
    assertThatThrownBy(() -> Simulation.of(small).replicate(1).replicate(2)).hasMessageContaining("replicate was already set");
    assertThatThrownBy(() -> Simulation.of(small).run()).hasMessageContaining("set the seed");
    assertThatThrownBy(() -> Simulation.of(small).replicate(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScenarioBuilderTakesEachSettingOnceAndAVariantMayChangeEachOnce() {
    Scenario.Builder b = Scenario.builder(small.ecosystem()).horizon(30);
    assertThatThrownBy(() -> b.horizon(40)).isInstanceOf(IllegalStateException.class).hasMessageContaining("horizon was already set");
    Scenario.Builder c = Scenario.builder(small.ecosystem()).audience(AudienceRecovery.DEFAULT);
    assertThatThrownBy(() -> c.audience(AudienceRecovery.DEFAULT.withRetention(0.1))).hasMessageContaining("audience");
    Scenario variant = small.toBuilder().horizon(30).audience(small.audience().withRetention(0.2)).build();
    assertThat(variant.horizon()).isEqualTo(30);
    assertThat(variant.retention()).isEqualTo(0.2);
    assertThat(variant.audienceBaseHazard()).isEqualTo(small.audienceBaseHazard());
  }

  @Test
  void subModelsCheckTheirValuesAndNameThem() {
    assertThatThrownBy(() -> AudienceRecovery.DEFAULT.withRetention(1.5)).hasMessageContaining("retention");
    assertThatThrownBy(() -> Migration.DEFAULT.withMemoryDays(0)).hasMessageContaining("memoryDays");
    assertThatThrownBy(() -> Recreation.DEFAULT.withProbability(-0.1)).hasMessageContaining("recreation probability");
    assertThatThrownBy(() -> new RoutineBans(BanLevel.ACCOUNT, 2)).hasMessageContaining("spareShare");
    assertThat(Migration.DEFAULT.withStayBonus(2).stayBonus()).isEqualTo(2);
    assertThat(AudienceRecovery.DEFAULT.toString()).isEqualTo("audience r0 0.0500 r1 0.0200 retention 0.700");
  }

  @Test
  void anActionDayBuilderTakesEachSettingOnceWithItsDefaults() {
    ActionDay d = ActionDay.at(30).build();
    assertThat(d).isEqualTo(new ActionDay(30, 0, 0, java.util.Set.of(), TargetingStrategy.RANDOM, BanLevel.CHANNEL, 0, 0, 1));
    ActionDay full = ActionDay.at(30).pressure(60, 3).spareBanShare(0.5).banLevel(BanLevel.ACCOUNT).strategy(
        TargetingStrategy.RANDOM).platforms("telegram").budget(500).window(2).build();
    assertThat(full).isEqualTo(new ActionDay(30, 2, 500, java.util.Set.of("telegram"), TargetingStrategy.RANDOM,
        BanLevel.ACCOUNT, 0.5, 60, 3));
    assertThatThrownBy(() -> ActionDay.at(30).budget(500).budget(600)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("budget was already set to 500");
    assertThatThrownBy(() -> ActionDay.at(30).window(2).window(3)).hasMessageContaining("window was already set to 2.0");
    assertThatThrownBy(() -> ActionDay.at(30).pressure(60, 3).pressure(30, 2))
        .hasMessageContaining("pressure was already set to x3.0 for 60.0 d");
    assertThatThrownBy(() -> ActionDay.at(30).budget(-1).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theScenarioDefaultsAreNamed() {
    Scenario s = Scenario.builder(small.ecosystem()).build();
    assertThat(s.horizon()).isEqualTo(Scenario.DEFAULT_HORIZON).isEqualTo(365);
    assertThat(s.gridStep()).isEqualTo(Scenario.DEFAULT_GRID_STEP).isEqualTo(1);
  }

  @Test
  void aRefusedScenarioSettingLeavesTheBuilderAsItWas() {
    Scenario.Builder b = Scenario.builder(small.ecosystem());
    assertThatThrownBy(() -> b.horizon(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("horizon");
    assertThatThrownBy(() -> b.gridStep(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gridStep");
    assertThatThrownBy(() -> b.detectionRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.referenceAudience(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.abandonmentRate(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.moveRate(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.recreation(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("recreation must not be null");
    assertThatThrownBy(() -> b.recreation(2, LatencyDistribution.exponential(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.audience(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.migration(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.routineBan(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> b.postingRate(ChannelRole.ARCHIVE, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postingRate of ARCHIVE");
    assertThatThrownBy(() -> b.postingRate(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("role must not be null");

    Scenario s = b.horizon(100).gridStep(2).detectionRate(0.01).referenceAudience(50).abandonmentRate(0.1).moveRate(0.2)
        .recreation(Recreation.DEFAULT.withProbability(0.3)).audience(AudienceRecovery.DEFAULT.withRetention(0.5))
        .migration(Migration.DEFAULT.withStayBonus(2)).routineBan(BanLevel.ACCOUNT, 0.5).postingRate(ChannelRole.ARCHIVE, 3)
        .build();
    assertThat(s.horizon()).isEqualTo(100);
    assertThat(s.gridStep()).isEqualTo(2);
    assertThat(s.recreationProbability()).isEqualTo(0.3);
    assertThat(s.postingRate(ChannelRole.ARCHIVE)).isEqualTo(3);
  }

  @Test
  void ratesAreBoundedSoThatARunEnds() {
    // a detection rate of 1e300 never ended (each candidate fell on the same instant); a posting rate
    // of 1e300 gave 9.2e18 posts
    Scenario.Builder b = Scenario.builder(Presets.telegram2015(10).ecosystem());
    assertThatThrownBy(() -> b.detectionRate(1e300)).hasMessage("detectionRate must be at most 10000 per day: 1.0E300");
    assertThatThrownBy(() -> b.postingRate(org.channelrisk.model.ChannelRole.BACKUP, 2e4))
        .hasMessage("postingRate of BACKUP must be at most 10000 per day: 20000.0");
    assertThatThrownBy(() -> b.abandonmentRate(1e5)).hasMessageStartingWith("abandonmentRate must be at most 10000 per day");
    assertThat(b.detectionRate(Scenario.MAX_RATE).moveRate(0).build().detectionRate()).isEqualTo(1e4);
  }
}
