package org.channelrisk.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * Enum constants by their lower-case names, the names used in files, JSON and on the command line
 * ({@code ImpactModel.ARIMA} is "arima"). The callers keep their own messages, which list the
 * accepted names. Internal: not a supported API.
 */
public final class EnumNames {
  private EnumNames() {}

  /**
   * @param constant a constant
   * @return its name in lower case
   */
  public static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param type the enum
   * @param text a name, in any case, with or without surrounding white space
   * @param <E> the enum type
   * @return the constant of that name, or empty
   */
  public static <E extends Enum<E>> Optional<E> find(Class<E> type, String text) {
    String key = text.strip().toLowerCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
