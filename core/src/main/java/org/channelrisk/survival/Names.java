package org.channelrisk.survival;

import java.util.List;
import org.channelrisk.internal.Checks;

/** The check of a list of names (covariates, causes, groups) handed to a public entry point. */
final class Names {
  private Names() {}

  /**
   * @param field the argument's name, for the message
   * @param names the list
   * @return the list
   * @throws NullPointerException naming the argument, or the index of a null name
   */
  static List<String> check(String field, List<String> names) {
    Checks.notNull(field, names);
    for (int i = 0; i < names.size(); i++) {
      Checks.notNull(field + "[" + i + "]", names.get(i));
    }
    return names;
  }
}
