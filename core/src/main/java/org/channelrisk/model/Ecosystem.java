package org.channelrisk.model;

import org.channelrisk.internal.Checks;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of an online ecosystem: platforms, accounts, channels and the directed links
 * between channels. It is what a simulation starts from and what the CSV exporter writes.
 *
 * <pre>{@code
 * Ecosystem eco = Ecosystem.builder()
 *     .platform(Platform.of("telegram", "Telegram", 500_000_000L, SecurityRating.SAFE, Cooperation.none()))
 *     .account(new Account("op-1", "telegram", AccountRole.OPERATOR, 2))
 *     .channel(Channel.builder("c1", "telegram").operator("op-1").audience(500).build())
 *     .channel(Channel.builder("c2", "telegram").operator("op-1").build())
 *     .link(Link.of("c1", "c2"))
 *     .build();
 * eco.linkGraph().inDegree("c2");   // 1
 * }</pre>
 *
 * <p>Building checks referential integrity and reports the first problem by name: duplicate ids, a
 * channel or account on an unknown platform, a channel whose operator is not an account, a link to
 * an unknown channel, a repeated link. Building costs O(P + A + C + L) time and memory.
 * Instances are immutable and safe to share between threads.
 */
public final class Ecosystem {
  private final ImmutableMap<String, Platform> platforms;
  private final ImmutableMap<String, Account> accounts;
  private final ImmutableMap<String, Channel> channels;
  private final ImmutableList<Link> links;
  // built on first use: the graph holds a hash map per channel (several hundred bytes each), which
  // simulations, reading the links list, do not need
  private final Supplier<ImmutableGraph<String>> graph = Suppliers.memoize(this::buildGraph);

  private Ecosystem(Builder b) {
    this.platforms = ImmutableMap.copyOf(b.platforms);
    this.accounts = ImmutableMap.copyOf(b.accounts);
    this.channels = ImmutableMap.copyOf(b.channels);
    this.links = ImmutableList.copyOf(b.links);
    validate();
  }

  private ImmutableGraph<String> buildGraph() {
    ImmutableGraph.Builder<String> g =
        GraphBuilder.directed().allowsSelfLoops(false).expectedNodeCount(channels.size()).immutable();
    channels.keySet().forEach(g::addNode);
    links.forEach(l -> g.putEdge(l.from(), l.to()));
    return g.build();
  }

  /**
   * An empty builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An ecosystem with no platforms, accounts or channels.
   *
   * @return the empty ecosystem
   */
  public static Ecosystem empty() {
    return new Builder().build();
  }

  private void validate() {
    for (Account a : accounts.values()) {
      if (!platforms.containsKey(a.platformId())) {
        throw new IllegalArgumentException(
            "account " + a.id() + " is on unknown platform '" + a.platformId() + "'");
      }
    }
    for (Channel c : channels.values()) {
      if (!platforms.containsKey(c.platformId())) {
        throw new IllegalArgumentException(
            "channel " + c.id() + " is on unknown platform '" + c.platformId() + "'");
      }
      if (!accounts.containsKey(c.operatorId())) {
        throw new IllegalArgumentException(
            "channel " + c.id() + " has unknown operator account '" + c.operatorId() + "'");
      }
    }
    Set<Link> seen = new HashSet<>();
    for (Link l : links) {
      if (!channels.containsKey(l.from())) {
        throw new IllegalArgumentException("link " + l + " starts at unknown channel '" + l.from() + "'");
      }
      if (!channels.containsKey(l.to())) {
        throw new IllegalArgumentException("link " + l + " ends at unknown channel '" + l.to() + "'");
      }
      if (!seen.add(l)) {
        throw new IllegalArgumentException("link " + l + " appears twice");
      }
    }
  }

  /** @return platforms by id, in the order they were added */
  public Map<String, Platform> platforms() {
    return platforms;
  }

  /** @return accounts by id, in the order they were added */
  public Map<String, Account> accounts() {
    return accounts;
  }

  /** @return channels by id, in the order they were added */
  public Map<String, Channel> channels() {
    return channels;
  }

  /** @return links in the order they were added */
  public List<Link> links() {
    return links;
  }

  /**
   * @param id a platform id
   * @return the platform, if present
   */
  public Optional<Platform> platform(String id) {
    return Optional.ofNullable(platforms.get(id));
  }

  /**
   * @param id a channel id
   * @return the channel, if present
   */
  public Optional<Channel> channel(String id) {
    return Optional.ofNullable(channels.get(id));
  }

  /**
   * The link graph: nodes are channel ids, a directed edge for each link. Built on the first call
   * (O(C + L)) and kept; an ecosystem that is only simulated never pays for it.
   *
   * @return an immutable Guava graph
   */
  public ImmutableGraph<String> linkGraph() {
    return graph.get();
  }

  /**
   * Channels on one platform.
   *
   * @param platformId a platform id
   * @return the channels on it, in insertion order
   */
  public List<Channel> channelsOn(String platformId) {
    return channels.values().stream()
        .filter(c -> c.platformId().equals(platformId))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * The total audience of all channels.
   *
   * @return the sum of audiences
   */
  public long totalAudience() {
    long sum = 0;
    for (Channel c : channels.values()) {
      sum += c.audience();
    }
    return sum;
  }

  /**
   * A copy with every identifier mapped through {@code rename} (accounts, channels, links, operators);
   * platforms keep their ids. Used for pseudonymised exports.
   *
   * @param rename an injective mapping of identifiers
   * @return the renamed ecosystem
   * @throws IllegalArgumentException if two identifiers map to the same one
   */
  public Ecosystem mapIdentifiers(java.util.function.UnaryOperator<String> rename) {
    Builder b = builder();
    platforms.values().forEach(b::platform);
    for (Account a : accounts.values()) {
      b.account(new Account(rename.apply(a.id()), a.platformId(), a.role(), a.spareAccounts()));
    }
    for (Channel c : channels.values()) {
      b.channel(
          new Channel(
              rename.apply(c.id()), c.platformId(), c.role(), c.language(), c.audience(),
              c.createdAt(), c.generation(), rename.apply(c.operatorId())));
    }
    for (Link l : links) {
      b.link(Link.of(rename.apply(l.from()), rename.apply(l.to())));
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ecosystem other
        && platforms.equals(other.platforms)
        && accounts.equals(other.accounts)
        && channels.equals(other.channels)
        && links.equals(other.links);
  }

  @Override
  public int hashCode() {
    return ((platforms.hashCode() * 31 + accounts.hashCode()) * 31 + channels.hashCode()) * 31 + links.hashCode();
  }

  @Override
  public String toString() {
    Map<String, Integer> perPlatform = new LinkedHashMap<>();
    platforms.keySet().forEach(p -> perPlatform.put(p, 0));
    channels.values().forEach(c -> perPlatform.merge(c.platformId(), 1, Integer::sum));
    return String.format(
        java.util.Locale.ROOT,
        "Ecosystem[%d platforms, %d accounts, %d channels %s, %d links, audience %,d]",
        platforms.size(), accounts.size(), channels.size(), perPlatform, links.size(), totalAudience());
  }

  /** Builder of an {@link Ecosystem}; ids must be unique within their kind. */
  public static final class Builder {
    private final Map<String, Platform> platforms = new LinkedHashMap<>();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final List<Link> links = new java.util.ArrayList<>();

    private Builder() {}

    /**
     * @param p a platform with a new id
     * @return this builder
     * @throws IllegalArgumentException if the id is taken
     */
    public Builder platform(Platform p) {
      putUnique(platforms, Checks.notNull("platform", p).id(), p, "platform");
      return this;
    }

    /**
     * @param a an account with a new id
     * @return this builder
     * @throws IllegalArgumentException if the id is taken
     */
    public Builder account(Account a) {
      putUnique(accounts, Checks.notNull("account", a).id(), a, "account");
      return this;
    }

    /**
     * @param c a channel with a new id
     * @return this builder
     * @throws IllegalArgumentException if the id is taken
     */
    public Builder channel(Channel c) {
      putUnique(channels, Checks.notNull("channel", c).id(), c, "channel");
      return this;
    }

    /**
     * @param l a link between channels added before or after it
     * @return this builder
     */
    public Builder link(Link l) {
      links.add(Checks.notNull("link", l));
      return this;
    }

    /**
     * @return the ecosystem
     * @throws IllegalArgumentException naming the first reference that does not resolve
     */
    public Ecosystem build() {
      return new Ecosystem(this);
    }

    private static <T> void putUnique(Map<String, T> map, String id, T value, String kind) {
      if (map.putIfAbsent(id, value) != null) {
        throw new IllegalArgumentException("duplicate " + kind + " id '" + id + "'");
      }
    }
  }
}
