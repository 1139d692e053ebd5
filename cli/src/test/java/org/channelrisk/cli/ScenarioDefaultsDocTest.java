package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.EcosystemGenerator;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.sim.ActionDay;
import org.channelrisk.sim.AudienceRecovery;
import org.channelrisk.sim.Migration;
import org.channelrisk.sim.Recreation;
import org.channelrisk.sim.RoutineBans;
import org.channelrisk.sim.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario file's defaults are the model's: the documented table in examples/scenarios/README.md
 * equals the records' DEFAULT values and the reader's own two (a preset's size and stance), and a file
 * that leaves every field out reads as those defaults.
 */
class ScenarioDefaultsDocTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([a-zA-Z0-9.]+)` \\| ([^|]+) \\|$", Pattern.MULTILINE);

  private static Map<String, String> documented() throws IOException {
    String doc = Files.readString(Path.of("../examples/scenarios/README.md"));
    String table = doc.substring(doc.indexOf("## Defaults"));
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = ROW.matcher(table);
    while (m.find()) {
      out.put(m.group(1), m.group(2).strip());
    }
    return out;
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  @Test
  void theDocumentedDefaultsAreTheRecordsDefaults() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("preset.channels", Integer.toString(ScenarioFile.PRESET_CHANNELS));
    expected.put("preset.praised", Boolean.toString(ScenarioFile.PRESET_PRAISED));
    expected.put("ecosystem.generate.channels", num(EcosystemGenerator.DEFAULT_CHANNELS));
    expected.put("ecosystem.generate.seed", num(EcosystemGenerator.DEFAULT_SEED));
    expected.put("ecosystem.generate.meanOutDegree", num(EcosystemGenerator.DEFAULT_MEAN_OUT_DEGREE));
    expected.put("ecosystem.generate.channelsPerOperator", num(EcosystemGenerator.DEFAULT_CHANNELS_PER_OPERATOR));
    expected.put("ecosystem.generate.meanSpareAccounts", num(EcosystemGenerator.DEFAULT_MEAN_SPARE_ACCOUNTS));
    expected.put("platform.name", "the id");
    expected.put("platform.userBase", num(ScenarioFile.PLATFORM_USER_BASE));
    expected.put("platform.securityRating", ScenarioFile.PLATFORM_SECURITY.name());
    expected.put("platform.share", num(ScenarioFile.PLATFORM_SHARE));
    Cooperation none = Cooperation.builder().build();
    expected.put("cooperation.compliance", num(none.compliance()));
    assertThat(none.latency()).isEqualTo(LatencyDistribution.exponential(1));
    expected.put("cooperation.latency", "exponential, mean 1 day");
    expected.put("cooperation.proactiveHazard", num(none.proactiveHazard()));
    expected.put("cooperation.visibilityExponent", num(none.visibilityExponent()));
    Scenario plain = Scenario.builder(org.channelrisk.sim.Presets.telegram2015(10).ecosystem()).build();
    expected.put("detectionRate", num(plain.detectionRate()));
    expected.put("referenceAudience", num(Scenario.DEFAULT_REFERENCE_AUDIENCE));
    expected.put("routineBan.level", RoutineBans.DEFAULT.level().name());
    expected.put("routineBan.spareShare", num(RoutineBans.DEFAULT.spareShare()));
    expected.put("recreation.probability", num(Recreation.DEFAULT.probability()));
    assertThat(Recreation.DEFAULT.delay()).isEqualTo(LatencyDistribution.exponential(2));
    expected.put("recreation.delay", "exponential, mean 2 days");
    expected.put("audience.r0", num(AudienceRecovery.DEFAULT.baseHazard()));
    expected.put("audience.r1", num(AudienceRecovery.DEFAULT.linkHazard()));
    expected.put("audience.retention", num(AudienceRecovery.DEFAULT.retention()));
    expected.put("migration.security", num(Migration.DEFAULT.securityWeight()));
    expected.put("migration.users", num(Migration.DEFAULT.usersWeight()));
    expected.put("migration.pressure", num(Migration.DEFAULT.pressureWeight()));
    expected.put("migration.stay", num(Migration.DEFAULT.stayBonus()));
    expected.put("migration.memoryDays", num(Migration.DEFAULT.memoryDays()));
    ActionDay day = ActionDay.at(0).build();
    expected.put("actionDay.window", num(day.window()));
    expected.put("actionDay.budget", num(day.budget()));
    assertThat(day.platforms()).isEmpty();
    expected.put("actionDay.platforms", "all");
    expected.put("actionDay.strategy", day.strategy().name());
    expected.put("actionDay.banLevel", day.banLevel().name());
    expected.put("actionDay.spareBanShare", num(day.spareBanShare()));
    expected.put("actionDay.pressure.days", num(day.pressureDays()));
    expected.put("actionDay.pressure.multiplier", num(day.pressureMultiplier()));
    expected.put("abandonmentRate", num(plain.abandonmentRate()));
    expected.put("moveRate", num(plain.moveRate()));
    expected.put("postingRates", java.util.Arrays.stream(ChannelRole.values())
        .map(r -> r.name().toLowerCase(java.util.Locale.ROOT) + " " + num(plain.postingRate(r))).collect(java.util.stream.Collectors.joining(", ")));
    expected.put("horizon", num(plain.horizon()));
    expected.put("gridStep", num(plain.gridStep()));
    expected.put("eventLog", Boolean.toString(plain.eventLog()));
    assertThat(documented()).containsExactlyEntriesOf(expected);
  }

  @Test
  void aFileThatLeavesTheSubModelsOutReadsAsTheirDefaults(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "ecosystem: {generate: {channels: 20, seed: 1}}\nrecreation: {}\naudience: {}\nmigration: {}\nroutineBan: {}\n");
    Scenario s = ScenarioFile.read(f);
    assertThat(s.recreation()).isEqualTo(Recreation.DEFAULT);
    assertThat(s.audience()).isEqualTo(AudienceRecovery.DEFAULT);
    assertThat(s.migration()).isEqualTo(Migration.DEFAULT);
    assertThat(s.routineBans()).isEqualTo(RoutineBans.DEFAULT);
    Files.writeString(f, "ecosystem: {generate: {channels: 20, seed: 1}}\naudience: {retention: 0.4}\n");
    assertThat(ScenarioFile.read(f).audience()).isEqualTo(AudienceRecovery.DEFAULT.withRetention(0.4));
    // an action day and a cooperation profile that give only what they must: the model's defaults
    Files.writeString(f, "ecosystem: {generate: {channels: 20, platforms: [{id: tg, cooperation: [{}]}]}}\nactionDays: [{time: 5}]\n");
    Scenario minimal = ScenarioFile.read(f);
    assertThat(minimal.actionDays()).containsExactly(ActionDay.at(5).build());
    assertThat(minimal.ecosystem().platforms().get("tg").cooperation().at(0)).isEqualTo(Cooperation.builder().build());
    Files.writeString(f, "ecosystem: {generate: {channels: 20}}\n");
    assertThat(ScenarioFile.read(f).ecosystem()).isEqualTo(EcosystemGenerator.builder().channels(20).build().generate());
    Files.writeString(f, "preset: {name: telegram2015}\n");
    assertThat(ScenarioFile.read(f).ecosystem().channels()).hasSize(ScenarioFile.PRESET_CHANNELS);
  }
}
