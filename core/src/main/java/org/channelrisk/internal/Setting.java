package org.channelrisk.internal;

import java.util.Objects;
import java.util.function.Function;

/**
 * One setting of a builder, taken once: a second {@link #set} throws, naming the setting and the value
 * it already has, since a silent overwrite would hide a mistake (as Caffeine's builders do). The
 * default lives where the value is read ({@link #orElse}), so each default is written once. Internal:
 * not a supported API.
 *
 * <pre>{@code
 * private final Setting<Long> seed = new Setting<>("seed");
 * public Ensemble seed(long s) { return seed.set(this, s); }
 * ... seed.required("set the seed: Ensemble.of(s).replicates(n).seed(s).run()")
 * }</pre>
 *
 * @param <T> the value's type
 */
public final class Setting<T> {
  private final String name;
  private final Function<? super T, String> show;
  private T value;

  /** @param name the setting's name, for messages */
  public Setting(String name) {
    // text in quotes, so that an empty or padded value reads as what it is
    this(name, v -> v instanceof CharSequence ? "'" + v + "'" : String.valueOf(v));
  }

  /**
   * @param name the setting's name, for messages
   * @param show how the value reads in a message (for arrays, whose own {@code toString} says nothing)
   */
  public Setting(String name, Function<? super T, String> show) {
    this.name = Objects.requireNonNull(name, "name");
    this.show = Objects.requireNonNull(show, "show");
  }

  /**
   * @param v the value, not null
   * @throws IllegalStateException if the setting was set before
   */
  public void set(T v) {
    if (value != null) {
      throw new IllegalStateException(name + " was already set to " + show.apply(value));
    }
    value = Objects.requireNonNull(v, name);
  }

  /**
   * Sets the value and hands back the builder, so that a setter is one statement: {@code return
   * seed.set(this, s);}.
   *
   * @param builder the builder the setting belongs to
   * @param v the value, not null
   * @param <B> the builder's type
   * @return {@code builder}
   * @throws IllegalStateException if the setting was set before
   */
  public <B> B set(B builder, T v) {
    set(v);
    return builder;
  }

  /** @return whether the setting was set (for a default that depends on how another call was made) */
  public boolean isSet() {
    return value != null;
  }

  /** @param otherwise the default @return the value, or the default when not set */
  public T orElse(T otherwise) {
    return value != null ? value : otherwise;
  }

  /**
   * @param hint what the caller should do, for the message
   * @return the value
   * @throws IllegalStateException if it was not set
   */
  public T required(String hint) {
    if (value == null) {
      throw new IllegalStateException(hint);
    }
    return value;
  }

  @Override
  public String toString() {
    return value == null ? "?" : show.apply(value);
  }
}
