package org.channelrisk.survival;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A small, seeded generator of channel incarnations in the lifetimes format of {@code simulate
 * --lifetimes} ({@code channel, generation, platform, role, start, end, status}), used to make the
 * competing-risks reference data set {@code reference/competing/simlife/}. It is kept apart from the
 * simulator on purpose: the R reference values must not change when the simulator's dynamics do.
 *
 * <p>Each channel starts on one of three platforms; its incarnation ends at the first of four
 * exponential clocks (removal after a referral, proactive removal, abandonment, migration) or is
 * censored at the horizon. After a removal the operator re-creates the channel on the same platform
 * with probability 0.6 after an exponential delay; after a migration it starts on another platform at
 * once. Times are rounded to 0.001 day, so that R and Java read the same doubles and no two times
 * are closer than R's {@code timefix} tolerance without being equal.
 *
 * <p>Run {@code main(path)} to rewrite the file; {@code CompetingRisksReferenceTest} checks that the
 * stored file is what this generator makes.
 */
final class LifetimesGenerator {
  static final long SEED = 20191121L;
  static final int CHANNELS = 300;
  static final double HORIZON = 365.0;
  static final String[] PLATFORMS = {"telegram", "twitter", "rocketchat"};
  static final String[] ROLES = {"official_outlet", "distributor", "archive", "backup"};
  /** Per platform: referral, proactive, abandonment and migration hazards per day. */
  static final double[][] HAZARDS = {
    {0.010, 0.004, 0.002, 0.003},
    {0.006, 0.012, 0.002, 0.002},
    {0.001, 0.001, 0.003, 0.001},
  };
  static final String[] CAUSES = {"referral", "proactive", "abandoned", "migrated"};

  private LifetimesGenerator() {}

  static String csv() {
    RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    StringBuilder sb = new StringBuilder("channel,generation,platform,role,start,end,status\n");
    for (int c = 0; c < CHANNELS; c++) {
      int platform = rng.nextInt(PLATFORMS.length);
      String role = ROLES[rng.nextInt(ROLES.length)];
      double officialFactor = role.equals("official_outlet") ? 2.0 : 1.0;
      double start = round(rng.nextDouble() * 60);
      int generation = 0;
      while (start < HORIZON) {
        double end = HORIZON;
        int cause = -1;
        for (int k = 0; k < CAUSES.length; k++) {
          double rate = HAZARDS[platform][k] * (k == 0 ? officialFactor : 1.0) * (1 + 0.5 * Math.min(generation, 3));
          double t = start - Math.log(1 - rng.nextDouble()) / rate;
          if (t < end) {
            end = t;
            cause = k;
          }
        }
        end = Math.max(round(end), start + 0.001);
        if (end >= HORIZON) {
          end = HORIZON;
          cause = -1;
        }
        sb.append(String.format(Locale.ROOT, "ch%04d,%d,%s,%s,%.3f,%.3f,%s%n", c, generation, PLATFORMS[platform], role,
            start, end, cause < 0 ? "censored" : CAUSES[cause]));
        if (cause < 0 || cause == 2) {
          break;
        }
        if (cause == 3) {
          platform = (platform + 1 + rng.nextInt(PLATFORMS.length - 1)) % PLATFORMS.length;
          start = end;
        } else {
          if (rng.nextDouble() >= 0.6) {
            break;
          }
          start = round(end + 0.001 - Math.log(1 - rng.nextDouble()) * 3.0);
        }
        generation++;
      }
    }
    return sb.toString();
  }

  private static double round(double t) {
    return Math.rint(t * 1000) / 1000;
  }

  /**
   * Writes the file.
   *
   * @param args the target path
   */
  public static void main(String[] args) {
    try (Writer w = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
      w.write(csv());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
