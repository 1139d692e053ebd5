package org.channelrisk.io;

/**
 * Neutralises text cells that a spreadsheet would run as a formula (CSV injection): a cell that starts
 * with {@code = + - @}, a tab or a carriage return is written with a leading apostrophe, which
 * spreadsheets show as text. The reader removes exactly that apostrophe again, so every string round-
 * trips: {@code unescape(escape(s)).equals(s)} for all {@code s}.
 *
 * <pre>{@code
 * FormulaGuard.escape("=HYPERLINK(\"x\")");   // "'=HYPERLINK(\"x\")"
 * FormulaGuard.escape("'=1");                 // "''=1" (an apostrophe before a formula is escaped too)
 * FormulaGuard.unescape("'=1");               // "=1"
 * }</pre>
 *
 * <p>Numbers are written by the exporters without this guard, so "-3.5" stays a number.
 */
public final class FormulaGuard {
  private FormulaGuard() {}

  /**
   * Whether a text cell must be escaped: it starts with a formula character, or with an apostrophe
   * followed by something that must be escaped (so that the escape itself is unambiguous).
   *
   * @param s a cell
   * @return true if {@link #escape} would change it
   */
  public static boolean needsEscape(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\'') {
      i++;
    }
    if (i >= s.length()) {
      return false;
    }
    char c = s.charAt(i);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /**
   * @param s a text cell
   * @return the cell as it is safe to write
   */
  public static String escape(String s) {
    return needsEscape(s) ? "'" + s : s;
  }

  /**
   * @param s a cell as read
   * @return the original text
   */
  public static String unescape(String s) {
    return !s.isEmpty() && s.charAt(0) == '\'' && needsEscape(s) ? s.substring(1) : s;
  }
}
