package org.channelrisk.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values of an option that takes a constant of an enum of the library by name: their names, for
 * the help and completion ({@code completionCandidates}), and their conversion ({@code converter}),
 * so that the option holds the library's constant itself rather than a command-line enum wrapping
 * it. A bad value is refused by picocli before any work, in the words it uses for its own enum
 * options: {@code expected one of [efron, breslow] (case-insensitive) but was 'exact'}.
 *
 * <p>The names are the constants' names in lower case, accepted in any case as picocli accepts an
 * enum's constants; a subclass may give other names and accept more spellings
 * ({@link SurvivalCommand.ConfidenceTypes}: R's names).
 *
 * <pre>{@code
 * static final class TiesNames extends EnumValues<CoxRegression.Ties> {
 *   TiesNames() {
 *     super(CoxRegression.Ties.values());
 *   }
 * }
 *
 * @Option(names = "--ties", defaultValue = "efron", converter = TiesNames.class,
 *     completionCandidates = TiesNames.class, description = "efron or breslow (default ${DEFAULT-VALUE}).")
 * CoxRegression.Ties ties;
 * }</pre>
 *
 * @param <E> the enum
 */
abstract class EnumValues<E extends Enum<E>> implements Iterable<String>, ITypeConverter<E> {
  private final List<E> values;
  private final List<String> names;

  /**
   * The constants, named in lower case.
   *
   * @param values the constants the option takes, in the order of the help
   */
  EnumValues(E[] values) {
    this(values, EnumValues::lowerCase);
  }

  /**
   * @param values the constants the option takes, in the order of the help
   * @param name the name of a constant on the command line
   */
  EnumValues(E[] values, Function<? super E, String> name) {
    this.values = List.of(values);
    this.names = this.values.stream().map(name).toList();
  }

  /**
   * @param constant a constant
   * @return its name in lower case, as the command line and the JSON documents write it
   */
  static String lowerCase(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public final Iterator<String> iterator() {
    return names.iterator();
  }

  @Override
  public final E convert(String value) {
    return parse(value).orElseThrow(() -> new TypeConversionException(
        "expected one of " + names + " (case-insensitive) but was '" + value + "'"));
  }

  /**
   * @param value a value given on the command line
   * @return the constant of that name in any case (compared in upper case, as picocli compares an
   *     enum's constants), or empty
   */
  Optional<E> parse(String value) {
    String key = value.toUpperCase(Locale.ROOT);
    for (int i = 0; i < values.size(); i++) {
      if (names.get(i).toUpperCase(Locale.ROOT).equals(key)) {
        return Optional.of(values.get(i));
      }
    }
    return Optional.empty();
  }
}
