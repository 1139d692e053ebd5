package org.channelrisk.model;

import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Setting;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Generates synthetic ecosystems: operators on platforms, the channels they run with heavy-tailed
 * audiences, and promotion links that favour large channels. The same configuration and seed give
 * the same ecosystem, on any machine and JVM.
 *
 * <pre>{@code
 * Ecosystem eco = EcosystemGenerator.builder()
 *     .channels(1_000)
 *     .meanOutDegree(3)
 *     .seed(7)
 *     .build()
 *     .generate();
 * }</pre>
 *
 * <p>The model, in order of drawing (all from one L64X128MixRandom stream seeded with {@code seed}):
 * <ol>
 *   <li>operators: {@code ceil(channels / channelsPerOperator)} accounts; each is placed on a platform
 *       drawn by the platform shares and holds Poisson({@code meanSpareAccounts}) spare accounts;
 *   <li>channels: each is run by an operator drawn uniformly and lives on that operator's platform; its
 *       role and language are drawn by their shares (roles taken in declaration order, languages in
 *       alphabetical order, whatever the order of the maps given, so that the same seed gives the same
 *       ecosystem in every JVM); its audience is a discrete Pareto variable,
 *       {@code floor(minAudience * U^(-1/tailExponent))} capped at {@code maxAudience} (tail exponent
 *       1.5 gives the few very large channels and many small ones seen in channel censuses);
 *   <li>links: each channel promotes Poisson({@code meanOutDegree}) others, chosen with probability
 *       proportional to audience + 1, without self-links or repeats.
 * </ol>
 * Cost: O(C log C + L log C) time for C channels and L links, O(C + L) memory.
 */
public final class EcosystemGenerator {
  /** Default number of channels. */
  public static final int DEFAULT_CHANNELS = 1_000;
  /**
   * Default seed of the random stream: 1, the seed of {@code ecosystem generate} and of a scenario
   * file that gives none, so that the library, the command and the file agree.
   */
  public static final long DEFAULT_SEED = 1;
  /** Default mean number of channels an operator runs. */
  public static final double DEFAULT_CHANNELS_PER_OPERATOR = 3.0;
  /** Default mean number of spare accounts per operator. */
  public static final double DEFAULT_MEAN_SPARE_ACCOUNTS = 2.0;
  /** Default smallest audience. */
  public static final long DEFAULT_MIN_AUDIENCE = 50;
  /** Default largest audience. */
  public static final long DEFAULT_MAX_AUDIENCE = 1_000_000;
  /** Default Pareto tail exponent of audiences. */
  public static final double DEFAULT_TAIL_EXPONENT = 1.5;
  /** Default mean out-degree of the link graph. */
  public static final double DEFAULT_MEAN_OUT_DEGREE = 3.0;
  /**
   * The largest mean out-degree the generator takes (10,000 links out of a channel on average, far
   * above what channels promote): a larger one overflowed the Poisson draws' int and gave no links.
   */
  public static final double MAX_MEAN_OUT_DEGREE = 1e4;
  /** Default role shares: few official outlets, mostly distributors, some archives and backups. */
  public static final Map<ChannelRole, Double> DEFAULT_ROLE_SHARES =
      ImmutableMap.of(
          ChannelRole.OFFICIAL_OUTLET, 0.02,
          ChannelRole.DISTRIBUTOR, 0.80,
          ChannelRole.ARCHIVE, 0.08,
          ChannelRole.BACKUP, 0.10);
  /** Default language shares (illustrative; the 2015 blocks spanned 12 languages). */
  public static final Map<String, Double> DEFAULT_LANGUAGE_SHARES =
      ImmutableMap.of("ar", 0.55, "de", 0.05, "en", 0.15, "fr", 0.08, "id", 0.05, "ru", 0.06, "tr", 0.06);
  /** Default platform: a Telegram-like platform that does not cooperate, with all the channels. */
  public static final Platform DEFAULT_PLATFORM =
      Platform.of("telegram", "Telegram", 500_000_000L, SecurityRating.SAFE, Cooperation.none());

  private static final String RNG = "L64X128MixRandom";

  private final int channels;
  private final double channelsPerOperator;
  private final double meanSpareAccounts;
  private final long minAudience;
  private final long maxAudience;
  private final double tailExponent;
  private final double meanOutDegree;
  private final ImmutableMap<Platform, Double> platformShares;
  private final ImmutableMap<ChannelRole, Double> roleShares;
  private final ImmutableMap<String, Double> languageShares;
  private final long seed;

  /** Reads the builder's settings; the defaults are applied here, once. */
  private EcosystemGenerator(Builder b) {
    this.channels = b.channels.orElse(DEFAULT_CHANNELS);
    this.channelsPerOperator = b.channelsPerOperator.orElse(DEFAULT_CHANNELS_PER_OPERATOR);
    this.meanSpareAccounts = b.meanSpareAccounts.orElse(DEFAULT_MEAN_SPARE_ACCOUNTS);
    Audience audience = b.audience.orElse(new Audience(DEFAULT_MIN_AUDIENCE, DEFAULT_MAX_AUDIENCE, DEFAULT_TAIL_EXPONENT));
    this.minAudience = audience.min();
    this.maxAudience = audience.max();
    this.tailExponent = audience.tail();
    this.meanOutDegree = b.meanOutDegree.orElse(DEFAULT_MEAN_OUT_DEGREE);
    this.platformShares =
        b.platformShares.isEmpty() ? ImmutableMap.of(DEFAULT_PLATFORM, 1.0) : ImmutableMap.copyOf(b.platformShares);
    // canonical orders: a draw must not depend on the iteration order of the caller's map (Map.of
    // iterates in an order that changes from one JVM to the next)
    this.roleShares = ImmutableMap.copyOf(new EnumMap<>(b.roleShares.orElse(DEFAULT_ROLE_SHARES)));
    this.languageShares = ImmutableMap.copyOf(new TreeMap<>(b.languageShares.orElse(DEFAULT_LANGUAGE_SHARES)));
    this.seed = b.seed.orElse(DEFAULT_SEED);
  }

  /**
   * A builder with the documented defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Generates the ecosystem. Each call gives an equal result.
   *
   * @return the generated ecosystem
   */
  public Ecosystem generate() {
    RandomGenerator rng = RandomGeneratorFactory.of(RNG).create(seed);
    Ecosystem.Builder eco = Ecosystem.builder();
    List<Platform> platforms = ImmutableList.copyOf(platformShares.keySet());
    platforms.forEach(eco::platform);
    double[] platformCdf = cdf(platformShares.values());
    List<ChannelRole> roles = ImmutableList.copyOf(roleShares.keySet());
    double[] roleCdf = cdf(roleShares.values());
    List<String> languages = ImmutableList.copyOf(languageShares.keySet());
    double[] languageCdf = cdf(languageShares.values());

    int operators = channels == 0 ? 0 : (int) Math.ceil(channels / channelsPerOperator);
    int opWidth = Integer.toString(Math.max(operators - 1, 0)).length();
    String[] operatorIds = new String[operators];
    String[] operatorPlatform = new String[operators];
    for (int i = 0; i < operators; i++) {
      operatorIds[i] = "op" + pad(i, opWidth);
      operatorPlatform[i] = platforms.get(draw(platformCdf, rng)).id();
      eco.account(new Account(operatorIds[i], operatorPlatform[i], AccountRole.OPERATOR, poisson(meanSpareAccounts, rng)));
    }

    int width = Integer.toString(Math.max(channels - 1, 0)).length();
    String[] ids = new String[channels];
    long[] audience = new long[channels];
    for (int i = 0; i < channels; i++) {
      int op = rng.nextInt(operators);
      ids[i] = "c" + pad(i, width);
      audience[i] = paretoAudience(rng);
      eco.channel(
          new Channel(
              ids[i], operatorPlatform[op], roles.get(draw(roleCdf, rng)), languages.get(draw(languageCdf, rng)),
              audience[i], 0.0, 0, operatorIds[op]));
    }

    if (channels > 1) {
      double[] attract = new double[channels];
      double sum = 0;
      for (int i = 0; i < channels; i++) {
        sum += audience[i] + 1.0;
        attract[i] = sum;
      }
      long[] targets = new long[0];
      for (int i = 0; i < channels; i++) {
        int k = Math.min(poisson(meanOutDegree, rng), channels - 1);
        if (targets.length < k) {
          targets = new long[k];
        }
        int found = 0;
        // Rejection of self-links and repeats; bounded so a degenerate audience vector cannot loop.
        for (int attempt = 0; found < k && attempt < 20 * k + 20; attempt++) {
          int j = Arrays.binarySearch(attract, rng.nextDouble(sum));
          j = j < 0 ? -j - 1 : j + 1;
          j = Math.min(j, channels - 1);
          if (j == i || contains(targets, found, j)) {
            continue;
          }
          targets[found++] = j;
          eco.link(Link.of(ids[i], ids[j]));
        }
      }
    }
    return eco.build();
  }

  private long paretoAudience(RandomGenerator rng) {
    double u = 1.0 - rng.nextDouble(); // (0, 1]
    double x = Math.floor(minAudience * Math.pow(u, -1.0 / tailExponent));
    return (long) Math.min(x, (double) maxAudience);
  }

  private static boolean contains(long[] a, int n, long v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  /** Knuth's multiplication method for small means, a normal approximation above 500. */
  static int poisson(double mean, RandomGenerator rng) {
    if (mean == 0) {
      return 0;
    }
    if (mean > 500) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double p = rng.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= rng.nextDouble();
      k++;
    }
    return k;
  }

  private static double[] cdf(Iterable<Double> weights) {
    double[] c = new double[0];
    double sum = 0;
    for (double w : weights) {
      sum += w;
      c = Arrays.copyOf(c, c.length + 1);
      c[c.length - 1] = sum;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] /= sum;
    }
    return c;
  }

  private static int draw(double[] cdf, RandomGenerator rng) {
    double u = rng.nextDouble();
    for (int i = 0; i < cdf.length - 1; i++) {
      if (u < cdf[i]) {
        return i;
      }
    }
    return cdf.length - 1;
  }

  private static String pad(int i, int width) {
    String s = Integer.toString(i);
    return "0".repeat(width - s.length()) + s;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "EcosystemGenerator[channels %d, %.3g channels/operator, spare %.3g, audience Pareto(min %d, alpha %.3g, max %d),"
            + " out-degree %.3g, platforms %s, seed %d]",
        channels, channelsPerOperator, meanSpareAccounts, minAudience, tailExponent, maxAudience,
        meanOutDegree, platformShares.keySet().stream().map(Platform::id).toList(), seed);
  }

  /** The audience distribution's three settings, taken together by {@link Builder#audience}. */
  private record Audience(long min, long max, double tail) {
    @Override
    public String toString() {
      return "[" + min + ", " + max + "], tail " + tail;
    }
  }

  /**
   * Builder of a generator; each setter checks its argument and says what was expected, and takes its
   * setting once: a second call to the same setter throws, since a silent overwrite would hide a
   * mistake. Platforms are added, one call each.
   */
  public static final class Builder {
    private final Setting<Integer> channels = Setting.checked("channels", Checks::nonNegative);
    private final Setting<Double> channelsPerOperator = Setting.checked("channelsPerOperator", Checks::atLeastOne);
    private final Setting<Double> meanSpareAccounts = Setting.checked("meanSpareAccounts", Checks::finiteNonNegative);
    private final Setting<Audience> audience = new Setting<>("audience");
    private final Setting<Double> meanOutDegree = Setting.checked("meanOutDegree", (name, mean) -> {
      Checks.finiteNonNegative(name, mean);
      if (mean > MAX_MEAN_OUT_DEGREE) {
        throw new IllegalArgumentException(name + " must be at most " + (long) MAX_MEAN_OUT_DEGREE + ": " + mean);
      }
      return mean;
    });
    private final Map<Platform, Double> platformShares = new LinkedHashMap<>();
    private final Setting<Map<ChannelRole, Double>> roleShares = new Setting<>("roleShares");
    private final Setting<Map<String, Double>> languageShares = new Setting<>("languageShares");
    private final Setting<Long> seed = new Setting<>("seed");

    private Builder() {}

    /** @param n number of channels, &gt;= 0 @return this builder */
    public Builder channels(int n) {
      return channels.set(this, n);
    }

    /** @param mean mean channels per operator, &gt;= 1 @return this builder */
    public Builder channelsPerOperator(double mean) {
      return channelsPerOperator.set(this, mean);
    }

    /** @param mean mean spare accounts per operator, &gt;= 0 @return this builder */
    public Builder meanSpareAccounts(double mean) {
      return meanSpareAccounts.set(this, mean);
    }

    /**
     * @param min smallest audience, &gt;= 1
     * @param max largest audience, &gt;= min
     * @param tail Pareto tail exponent, &gt; 0
     * @return this builder
     */
    public Builder audience(long min, long max, double tail) {
      if (min < 1) {
        throw new IllegalArgumentException("minimum audience must be >= 1: " + min);
      }
      if (max < min) {
        throw new IllegalArgumentException("maximum audience " + max + " must be >= minimum " + min);
      }
      return audience.set(this, new Audience(min, max, Checks.positive("tailExponent", tail)));
    }

    /** @param mean mean links out of a channel, in [0, {@link #MAX_MEAN_OUT_DEGREE}] @return this builder */
    public Builder meanOutDegree(double mean) {
      return meanOutDegree.set(this, mean);
    }

    /**
     * Adds a platform with a share of the operators (shares are normalised). Without any call the
     * generator uses {@link #DEFAULT_PLATFORM}.
     *
     * @param platform the platform
     * @param share its weight, &gt; 0
     * @return this builder
     */
    public Builder platform(Platform platform, double share) {
      Checks.notNull("platform", platform);
      Checks.positive("share of platform " + platform.id(), share);
      for (Platform p : platformShares.keySet()) {
        if (p.id().equals(platform.id())) {
          throw new IllegalArgumentException("duplicate platform id '" + platform.id() + "'");
        }
      }
      platformShares.put(platform, share);
      return this;
    }

    /** @param shares weight per role (normalised; at least one &gt; 0) @return this builder */
    public Builder roleShares(Map<ChannelRole, Double> shares) {
      return roleShares.set(this, checkShares("roleShares", shares));
    }

    /** @param shares weight per language code (normalised; at least one &gt; 0) @return this builder */
    public Builder languageShares(Map<String, Double> shares) {
      Checks.notNull("languageShares", shares).keySet().forEach(l -> Checks.notNull("language", l));
      return languageShares.set(this, checkShares("languageShares", shares));
    }

    /** @param value the seed of the generator's random stream @return this builder */
    public Builder seed(long value) {
      return seed.set(this, value);
    }

    /** @return the generator */
    public EcosystemGenerator build() {
      return new EcosystemGenerator(this);
    }

    private static <K> Map<K, Double> checkShares(String field, Map<K, Double> shares) {
      Checks.notNull(field, shares);
      double sum = 0;
      for (Map.Entry<K, Double> e : shares.entrySet()) {
        sum += Checks.finiteNonNegative(field + "[" + e.getKey() + "]", Checks.notNull(field, e.getValue()));
      }
      if (!(sum > 0)) {
        throw new IllegalArgumentException(field + " must have at least one positive weight: " + shares);
      }
      Map<K, Double> positive = new LinkedHashMap<>();
      shares.forEach((k, v) -> {
        if (v > 0) {
          positive.put(k, v);
        }
      });
      return positive;
    }
  }
}
