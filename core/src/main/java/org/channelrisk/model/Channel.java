package org.channelrisk.model;

import org.channelrisk.internal.Checks;
import org.channelrisk.internal.Setting;
import java.util.Locale;

/**
 * A channel or group on a platform: one incarnation. When a channel is removed and its operator
 * re-creates it, the new incarnation has generation + 1 and starts with no audience.
 *
 * <pre>{@code
 * Channel c = Channel.builder("nashir-ar", "telegram")
 *     .role(ChannelRole.OFFICIAL_OUTLET).language("ar").audience(12_000)
 *     .operator("op-1").build();
 * }</pre>
 *
 * @param id unique identifier
 * @param platformId the platform it is on
 * @param role what it does in the network
 * @param language language code (free text, e.g. "ar", "en")
 * @param audience members or subscribers, &gt;= 0
 * @param createdAt creation time in days
 * @param generation 0 for the first incarnation, +1 at each re-creation
 * @param operatorId the operating account
 */
public record Channel(
    String id,
    String platformId,
    ChannelRole role,
    String language,
    long audience,
    double createdAt,
    int generation,
    String operatorId) {

  /** Validates every field; messages name the channel. */
  public Channel {
    Checks.Of channel = Checks.of("channel", id);
    channel.id("platformId", platformId);
    channel.notNull("role", role);
    channel.notNull("language", language);
    channel.nonNegative("audience", audience);
    channel.finite("createdAt", createdAt);
    channel.nonNegative("generation", generation);
    channel.id("operatorId", operatorId);
  }

  /**
   * Starts a builder with role {@link ChannelRole#DISTRIBUTOR}, language "und" (undetermined),
   * audience 0, created at day 0, generation 0 and operator {@code "op-" + id}.
   *
   * @param id channel id
   * @param platformId platform id
   * @return a builder
   */
  public static Builder builder(String id, String platformId) {
    return new Builder(id, platformId);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Channel[%s on %s, %s, %s, audience %,d, created day %s, gen %d, operator %s]",
        id, platformId, role, language, audience, createdAt, generation, operatorId);
  }

  /**
   * Builder for {@link Channel}; the values are checked when built, except a null, refused at once. It
   * takes each setting once: a second call to the same setter throws, since a silent overwrite would
   * hide a mistake.
   */
  public static final class Builder {
    private final String id;
    private final String platformId;
    private final Setting<ChannelRole> role = Setting.checked("role", this::notNull);
    private final Setting<String> language = Setting.checked("language", this::notNull);
    private final Setting<Long> audience = new Setting<>("audience");
    private final Setting<Double> createdAt = new Setting<>("createdAt");
    private final Setting<Integer> generation = new Setting<>("generation");
    private final Setting<String> operator = Setting.checked("operator", (name, v) -> notNull("operatorId", v));

    private Builder(String id, String platformId) {
      this.id = id;
      this.platformId = platformId;
    }

    /**
     * A null refused as the channel's constructor refuses it, after the channel's id; any other value
     * passes untouched, to be checked when built (so a bad id is not reported by a setter).
     */
    private <T> T notNull(String field, T value) {
      return value != null ? value : Checks.of("channel", id).notNull(field, value);
    }

    /** @param value the role @return this builder */
    public Builder role(ChannelRole value) {
      return role.set(this, value);
    }

    /** @param value a language code @return this builder */
    public Builder language(String value) {
      return language.set(this, value);
    }

    /** @param value members or subscribers @return this builder */
    public Builder audience(long value) {
      return audience.set(this, value);
    }

    /** @param value creation day @return this builder */
    public Builder createdAt(double value) {
      return createdAt.set(this, value);
    }

    /** @param value incarnation number @return this builder */
    public Builder generation(int value) {
      return generation.set(this, value);
    }

    /** @param value operating account id @return this builder */
    public Builder operator(String value) {
      return operator.set(this, value);
    }

    /**
     * @return the channel; settings not given are those of {@link Channel#builder}
     * @throws IllegalArgumentException naming the field that is invalid
     */
    public Channel build() {
      return new Channel(id, platformId, role.orElse(ChannelRole.DISTRIBUTOR), language.orElse("und"), audience.orElse(0L),
          createdAt.orElse(0.0), generation.orElse(0), operator.orElse("op-" + id));
    }
  }
}
