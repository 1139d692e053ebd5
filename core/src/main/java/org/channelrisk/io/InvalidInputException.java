package org.channelrisk.io;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Bad input data: a file that cannot be read as what it claims to be. The message says where (file,
 * line, column) and what was expected, so a person can fix the cell; the command-line tool turns it
 * into exit code 2 with that one line on stderr.
 *
 * <pre>{@code
 * try {
 *   ReferralLogCsv.read(path);
 * } catch (InvalidInputException e) {
 *   System.err.println(e.getMessage());
 *   // referrals.csv line 7, column 'sent_at': expected an ISO-8601 instant or a number of days, found 'soon'
 * }
 * }</pre>
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String column;

  /**
   * @param source the file name (or another name of the input)
   * @param line 1-based line number, or 0 when the problem is not on one line
   * @param column the column name, or null when the problem is not in one column
   * @param problem what was expected and what was found
   */
  public InvalidInputException(String source, long line, String column, String problem) {
    super(format(source, line, column, problem));
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /**
   * @param source the file name
   * @param problem what is wrong with it as a whole
   */
  private InvalidInputException(String message, String source, long line) {
    super(message);
    this.source = source;
    this.line = line;
    this.column = null;
  }

  /**
   * An error at a position given as numbers, as a parser of YAML or JSON reports it:
   * {@code "nov2019.yaml line 4, column 3: ..."}.
   *
   * @param source the file name
   * @param line 1-based line, or 0 if unknown
   * @param columnNumber 1-based column, or 0 if unknown
   * @param problem what was expected and found
   * @return the exception, to throw
   */
  public static InvalidInputException atPosition(String source, long line, long columnNumber, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(" line ").append(line);
      if (columnNumber > 0) {
        sb.append(", column ").append(columnNumber);
      }
    }
    return new InvalidInputException(sb.append(": ").append(problem).toString(), source, line);
  }

  public InvalidInputException(String source, String problem) {
    this(source, 0, null, problem);
  }

  private static String format(String source, long line, String column, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(" line ").append(line);
    }
    if (column != null) {
      sb.append(line > 0 ? ", " : " ").append("column '").append(column).append('\'');
    }
    return sb.append(": ").append(problem).toString();
  }

  /** @return the file name or input name */
  public String source() {
    return source;
  }

  /** @return the 1-based line, empty when the problem is not on one line */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /** @return the column name, empty when the problem is not in one column */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }
}
