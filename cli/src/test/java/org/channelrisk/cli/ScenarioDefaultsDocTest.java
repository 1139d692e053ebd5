package org.channelrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.channelrisk.model.LatencyDistribution;
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
    expected.put("detectionRate", "0");
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
    Scenario plain = Scenario.builder(org.channelrisk.sim.Presets.telegram2015(10).ecosystem()).build();
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
    Files.writeString(f, "preset: {name: telegram2015}\n");
    assertThat(ScenarioFile.read(f).ecosystem().channels()).hasSize(ScenarioFile.PRESET_CHANNELS);
  }
}
