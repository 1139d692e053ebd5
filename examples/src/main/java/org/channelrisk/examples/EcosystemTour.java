package org.channelrisk.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.channelrisk.io.EcosystemCsv;
import org.channelrisk.io.Pseudonymizer;
import org.channelrisk.model.Channel;
import org.channelrisk.model.Cooperation;
import org.channelrisk.model.CooperationSchedule;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.EcosystemGenerator;
import org.channelrisk.model.LatencyDistribution;
import org.channelrisk.model.Platform;
import org.channelrisk.model.SecurityRating;

/**
 * A tour of the domain model: a Telegram-centred ecosystem whose platform changed its cooperation
 * (2017 "does not cooperate", 2019 "praised"), its largest hubs, and a pseudonymised CSV export.
 *
 * <p>Run: {@code mvn -B -q -pl examples -am package -DskipTests && java -cp
 * "examples/target/classes:$(cat examples/target/classpath.txt)" ...}, or more simply from an IDE;
 * the test {@code EcosystemTourTest} runs it at a small size.
 */
public final class EcosystemTour {
  private EcosystemTour() {}

  /**
   * Builds, prints and exports the ecosystem.
   *
   * @param channels number of channels
   * @param out folder for the CSV export
   * @return the pseudonymised ecosystem that was written
   * @throws IOException if writing fails
   */
  public static Ecosystem run(int channels, Path out) throws IOException {
    CooperationSchedule telegram = CooperationSchedule.startingWith(Cooperation.none())
        .from(700, Cooperation.builder()
            .compliance(0.9)
            .latency(LatencyDistribution.exponentialHours(6))
            .proactiveHazard(0.002)
            .build())
        .build();
    Platform tg = new Platform("telegram", "Telegram", 400_000_000L, SecurityRating.SAFE, telegram);
    Platform rc = Platform.of("rocketchat", "Rocket.Chat (self-hosted)", 10_000_000L, SecurityRating.SAFEST,
        Cooperation.none());
    Ecosystem eco = EcosystemGenerator.builder()
        .platform(tg, 0.9)
        .platform(rc, 0.1)
        .channels(channels)
        .meanOutDegree(4)
        .seed(2019)
        .build()
        .generate();
    System.out.println(eco);
    System.out.println("Telegram on day 100: " + tg.cooperationAt(100));
    System.out.println("Telegram on day 800: " + tg.cooperationAt(800));
    System.out.println("Largest hubs (most incoming links):");
    eco.channels().values().stream()
        .sorted(Comparator.comparingInt((Channel c) -> eco.linkGraph().inDegree(c.id())).reversed())
        .limit(5)
        .forEach(c -> System.out.printf("  %s  in-links %d  %s%n", c.id(), eco.linkGraph().inDegree(c.id()), c));

    // A demonstration key; a real one is secret and lives outside the repository.
    Pseudonymizer p = Pseudonymizer.withKey("demonstration key, not secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Ecosystem shared = p.apply(eco);
    EcosystemCsv.write(shared, out);
    System.out.println("Pseudonymised export written to " + out + ": " + EcosystemCsv.FILES);
    return shared;
  }

  /**
   * @param args optional: number of channels (default 2000) and output folder
   * @throws IOException if writing fails
   */
  public static void main(String[] args) throws IOException {
    int channels = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    Path out = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("channelrisk-tour");
    run(channels, out);
  }
}
