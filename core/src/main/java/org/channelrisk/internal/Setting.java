package org.channelrisk.internal;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One setting of a builder, taken once: a second {@link #set} throws, naming the setting and the value
 * it already has, since a silent overwrite would hide a mistake (as Caffeine's builders do). The
 * default lives where the value is read ({@link #orElse}), so each default is written once. Internal:
 * not a supported API.
 *
 * <p>A setting may carry its check ({@link #checked}), so that its name and its rule are written once,
 * where it is declared, and the setter only hands the value on.
 *
 * <pre>{@code
 * private final Setting<Long> seed = new Setting<>("seed");
 * private final Setting<Integer> threads = Setting.checked("threads", Checks::atLeastOne);
 * public Ensemble seed(long s) { return seed.set(this, s); }
 * public Ensemble threads(int k) { return threads.set(this, k); } // throws for 0, naming "threads"
 * ... seed.required("set the seed: Ensemble.of(s).replicates(n).seed(s).run()")
 * }</pre>
 *
 * @param <T> the value's type
 */
public final class Setting<T> {
  private final String name;
  private final Function<? super T, String> show;
  private final BiFunction<String, T, T> check;
  private T value;

  /** @param name the setting's name, for messages */
  public Setting(String name) {
    this(name, Setting::plain);
  }

  /** A value as a message shows it: text in quotes, so that an empty or padded value reads as what it is. */
  private static String plain(Object v) {
    return v instanceof CharSequence ? "'" + v + "'" : String.valueOf(v);
  }

  /**
   * @param name the setting's name, for messages
   * @param show how the value reads in a message (for arrays, whose own {@code toString} says nothing)
   */
  public Setting(String name, Function<? super T, String> show) {
    this(name, show, (n, v) -> v);
  }

  private Setting(String name, Function<? super T, String> show, BiFunction<String, T, T> check) {
    this.name = Objects.requireNonNull(name, "name");
    this.show = Objects.requireNonNull(show, "show");
    this.check = Objects.requireNonNull(check, "check");
  }

  /**
   * A setting that checks each value it is given with {@code check}, called with the setting's name
   * and the value (a {@code Checks} method fits: {@code Checks::probability}); the check throws for a
   * bad value, before the setting is taken.
   *
   * @param name the setting's name, for messages
   * @param check returns the value, or throws naming the setting and what was expected
   * @param <T> the value's type
   * @return the setting
   */
  public static <T> Setting<T> checked(String name, BiFunction<String, T, T> check) {
    return new Setting<>(name, Setting::plain, check);
  }

  /**
   * @param v the value, not null
   * @throws IllegalArgumentException if the setting's check refuses it
   * @throws IllegalStateException if the setting was set before
   */
  public void set(T v) {
    // the check first, so that a checked null gets the check's message
    T checked = Objects.requireNonNull(check.apply(name, v), name);
    if (value != null) {
      throw new IllegalStateException(name + " was already set to " + show.apply(value));
    }
    value = checked;
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
