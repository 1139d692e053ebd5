package org.channelrisk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.channelrisk.io.EcosystemCsv;
import org.channelrisk.io.Pseudonymizer;
import org.channelrisk.model.Channel;
import org.channelrisk.model.ChannelRole;
import org.channelrisk.model.Ecosystem;
import org.channelrisk.model.EcosystemGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code channelrisk ecosystem}: generate, summarise and pseudonymise ecosystems as CSV folders. */
@Command(
    name = "ecosystem",
    description = "Synthetic ecosystems as CSV folders (platforms, cooperation, accounts, channels, links).",
    mixinStandardHelpOptions = true,
    subcommands = {
      EcosystemCommand.Generate.class, EcosystemCommand.Summary.class, EcosystemCommand.Pseudonymize.class
    })
final class EcosystemCommand {

  /** {@code ecosystem generate}. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = "Generate a synthetic ecosystem and write it as CSV files into a folder.")
  static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--channels", description = "Number of channels (default ${DEFAULT-VALUE}).",
        defaultValue = "" + EcosystemGenerator.DEFAULT_CHANNELS)
    int channels;

    @Option(names = "--seed", description = "Seed of the random stream (default ${DEFAULT-VALUE}).",
        defaultValue = "" + EcosystemGenerator.DEFAULT_SEED)
    long seed;

    @Option(names = "--out", required = true, description = "Output folder: created if missing, else it must be empty (or --force).")
    Path out;

    @Option(names = "--mean-out-degree", defaultValue = "" + EcosystemGenerator.DEFAULT_MEAN_OUT_DEGREE, description = "Mean links out of a channel (default ${DEFAULT-VALUE}).")
    double meanOutDegree;

    @Option(names = "--channels-per-operator", defaultValue = "" + EcosystemGenerator.DEFAULT_CHANNELS_PER_OPERATOR,
        description = "Mean channels per operator (default ${DEFAULT-VALUE}).")
    double channelsPerOperator;

    @Option(names = "--spare-accounts", defaultValue = "" + EcosystemGenerator.DEFAULT_MEAN_SPARE_ACCOUNTS,
        description = "Mean spare accounts per operator (default ${DEFAULT-VALUE}).")
    double spareAccounts;

    @Option(names = "--pseudonymize-key", paramLabel = "FILE",
        description = "Replace account and channel ids with HMAC-SHA-256 pseudonyms keyed by this file.")
    Path keyFile;

    /**
     * Heap a generated ecosystem needs per channel (the channel, its operator's accounts, about
     * {@code --mean-out-degree} links): about 250 to 280 bytes retained after a full GC, and about 790
     * to 830 once its link graph is built (lazily: by {@code ecosystem summary} or a simulation),
     * measured at 10^5 channels with the default options (serial and G1 collectors); 1,200 leaves room
     * for the generator's transient arrays (an allowance, not a measurement). A request above the JVM's maximum heap is
     * refused before any work, instead of running for minutes into an OutOfMemoryError.
     */
    static final long BYTES_PER_CHANNEL = 1_200;

    @Override
    public Integer call() throws IOException {
      OptionChecks.atLeast("--channels", channels, 0);
      OptionChecks.fitsInMemory("--channels", channels);
      // checked here, so that the message names the option rather than the generator's setting
      OptionChecks.finiteAtLeast("--mean-out-degree", meanOutDegree, 0);
      if (meanOutDegree > EcosystemGenerator.MAX_MEAN_OUT_DEGREE) {
        throw new IllegalArgumentException("--mean-out-degree must be at most " + (long) EcosystemGenerator.MAX_MEAN_OUT_DEGREE + ": "
            + meanOutDegree);
      }
      OptionChecks.finiteAtLeast("--channels-per-operator", channelsPerOperator, 1);
      OptionChecks.finiteAtLeast("--spare-accounts", spareAccounts, 0);
      try (OutputPlan plan = OutputPlan.of(spec)) {
        OutputPlan.Target target = plan.folder("--out", out);
        Ecosystem eco = generate(plan.staging(target));
        plan.print(spec.commandLine().getOut(), describe(eco) + "\nWrote " + files() + " to " + out + ".\n");
        plan.commit();
      }
      return Main.OK;
    }

    /**
     * Whether an ecosystem of this many channels fits in this JVM's heap.
     *
     * @param channels the number of channels asked for
     * @return null if it fits, else the problem ("2000000000 needs about ... GB of memory; ...")
     */
    static String memoryProblem(long channels) {
      long need = channels * BYTES_PER_CHANNEL;
      long max = Runtime.getRuntime().maxMemory();
      if (channels > Integer.MAX_VALUE || need > max) {
        return String.format(Locale.ROOT,
            "%d needs about %.1f GB of memory; this JVM may use %.1f GB (raise it with -Xmx, or ask for fewer channels)",
            channels, need / 1e9, max / 1e9);
      }
      return null;
    }

    private Ecosystem generate(Path dir) throws IOException {
      Pseudonymizer p = keyFile == null ? null : Pseudonymizer.fromKeyFile(keyFile);
      Ecosystem eco = EcosystemGenerator.builder()
          .channels(channels)
          .seed(seed)
          .meanOutDegree(meanOutDegree)
          .channelsPerOperator(channelsPerOperator)
          .meanSpareAccounts(spareAccounts)
          .build()
          .generate();
      if (p != null) {
        eco = p.apply(eco);
      }
      EcosystemCsv.write(eco, dir);
      return eco;
    }
  }

  /** {@code ecosystem summary}. */
  @Command(
      name = "summary",
      mixinStandardHelpOptions = true,
      description = "Read an ecosystem folder and print its size, roles, audiences and link degrees.")
  static final class Summary implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--in", required = true, description = "Ecosystem folder.")
    Path in;

    @Mixin Output.TextOrJsonOptions output;

    @Override
    public Integer call() throws IOException {
      Output o = output.output();
      return o.planned(spec, () -> {
        Map<String, Object> s = summarise(EcosystemCsv.read(in));
        o.write(spec.commandLine().getOut(), () -> asText(s), () -> s);
        return Main.OK;
      });
    }

    static Map<String, Object> summarise(Ecosystem eco) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("platforms", eco.platforms().size());
      s.put("accounts", eco.accounts().size());
      s.put("channels", eco.channels().size());
      s.put("links", eco.links().size());
      Map<ChannelRole, Integer> roles = new EnumMap<>(ChannelRole.class);
      long[] audience = new long[eco.channels().size()];
      int i = 0;
      for (Channel c : eco.channels().values()) {
        roles.merge(c.role(), 1, Integer::sum);
        audience[i++] = c.audience();
      }
      Arrays.sort(audience);
      Map<String, Integer> roleCounts = new LinkedHashMap<>();
      roles.forEach((k, v) -> roleCounts.put(k.name().toLowerCase(Locale.ROOT), v));
      s.put("roles", roleCounts);
      s.put("audience_total", eco.totalAudience());
      if (audience.length > 0) {
        s.put("audience_median", audience[(audience.length - 1) / 2]);
        s.put("audience_max", audience[audience.length - 1]);
      }
      int maxIn = 0;
      for (String c : eco.linkGraph().nodes()) {
        maxIn = Math.max(maxIn, eco.linkGraph().inDegree(c));
      }
      s.put("mean_out_degree", eco.channels().isEmpty() ? 0.0 : (double) eco.links().size() / eco.channels().size());
      s.put("max_in_degree", maxIn);
      return s;
    }

    private static String asText(Map<String, Object> s) {
      StringBuilder sb = new StringBuilder();
      s.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-16s %s%n", k, v instanceof Map<?, ?> m ? counts(m) : v)));
      return sb.toString();
    }
  }

  /** {@code ecosystem pseudonymize}. */
  @Command(
      name = "pseudonymize",
      mixinStandardHelpOptions = true,
      description = "Copy an ecosystem folder with account and channel ids replaced by keyed pseudonyms.")
  static final class Pseudonymize implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--in", required = true, description = "Ecosystem folder to read.")
    Path in;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "Key file (at least 16 bytes).")
    Path key;

    @Option(names = "--out", required = true, description = "Folder to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
      try (OutputPlan plan = OutputPlan.of(spec)) {
        OutputPlan.Target target = plan.folder("--out", out);
        Pseudonymizer p = Pseudonymizer.fromKeyFile(key);
        Ecosystem eco = p.apply(EcosystemCsv.read(in));
        EcosystemCsv.write(eco, plan.staging(target));
        plan.print(spec.commandLine().getOut(), describe(eco) + "\nWrote them, pseudonymised, as " + files() + " to " + out + ".\n");
        plan.commit();
      }
      return Main.OK;
    }
  }

  /**
   * An ecosystem in one sentence: "1,000 channels on 1 platform (telegram 1,000), 334 accounts,
   * 2,981 links, total audience 129,947."
   */
  static String describe(Ecosystem eco) {
    Map<String, Integer> perPlatform = new LinkedHashMap<>();
    eco.platforms().keySet().forEach(p -> perPlatform.put(p, 0));
    eco.channels().values().forEach(c -> perPlatform.merge(c.platformId(), 1, Integer::sum));
    int platforms = eco.platforms().size();
    return String.format(Locale.ROOT, "%,d channels on %d platform%s (%s), %,d accounts, %,d links, total audience %,d.",
        eco.channels().size(), platforms, platforms == 1 ? "" : "s", counts(perPlatform), eco.accounts().size(), eco.links().size(),
        eco.totalAudience());
  }

  /** Counts by name as "telegram 1,000, selfhosted 20". */
  static String counts(Map<?, ?> m) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
        .append(v instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : v));
    return sb.toString();
  }

  /** The files of an ecosystem folder, as "a.csv, b.csv and c.csv". */
  private static String files() {
    List<String> f = EcosystemCsv.FILES;
    return String.join(", ", f.subList(0, f.size() - 1)) + " and " + f.get(f.size() - 1);
  }
}
