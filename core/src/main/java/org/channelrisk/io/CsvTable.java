package org.channelrisk.io;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.channelrisk.internal.Checks;

/**
 * A CSV file read whole: a header line and rows of text cells, each row remembering the line it
 * started on so that typed accessors can say exactly where a bad cell is. This is the reader under
 * every format of {@code io} and under the command-line tool's column options.
 *
 * <pre>{@code
 * CsvTable t = CsvTable.read(Path.of("lung.csv"));
 * double[] time = t.doubles("time");           // every cell a finite number, or an error naming the cell
 * boolean[] event = t.statuses("status");      // 0/1 or true/false
 * }</pre>
 *
 * <p>The dialect is RFC 4180 (comma, double quotes, quotes doubled inside), UTF-8, with or without
 * a byte-order mark; blank lines are skipped; cells are not trimmed. Cells that {@link FormulaGuard}
 * escaped on export are unescaped. Memory: the cells as strings, O(rows x columns).
 *
 * <p>Numbers are read in plain decimal or scientific notation ({@code 12}, {@code -0.5}, {@code .5},
 * {@code 1.5e-3}, {@code 1.0E10}), white space around them ignored: what R, spreadsheets and this
 * library's writers produce. Java's other forms (hexadecimal {@code 0x1p3}, type suffixes {@code 1d},
 * {@code 2f}) are refused, so that a cell means the same to every tool that reads the file.
 */
public final class CsvTable {
  /** Commons CSV's message for a quote left open at the end of the file, with the line it opened on. */
  private static final java.util.regex.Pattern UNCLOSED_QUOTE =
      java.util.regex.Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token finished");

  /** Plain decimal or scientific notation, optionally signed. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  /** The spellings of NaN and infinity that {@link Double#toString} writes, read so as to be refused by name. */
  private static final Pattern NON_FINITE = Pattern.compile("[+-]?(NaN|Infinity)");

  static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator('\n').setIgnoreEmptyLines(true).get();

  private final String source;
  private final ImmutableList<String> header;
  private final Map<String, Integer> index;
  private final List<String[]> rows;
  private final long[] lines;

  private CsvTable(String source, ImmutableList<String> header, List<String[]> rows, long[] lines) {
    this.source = source;
    this.header = header;
    this.rows = rows;
    this.lines = lines;
    this.index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      if (index.putIfAbsent(header.get(i), i) != null) {
        throw new InvalidInputException(source, 1, header.get(i), "the column name appears twice in the header");
      }
    }
  }

  /**
   * Reads a UTF-8 CSV file with a header line.
   *
   * @param file the file
   * @return the table
   * @throws InvalidInputException if the file is missing, empty, not UTF-8 or not well-formed CSV
   * @throws UncheckedIOException on other I/O failures
   */
  public static CsvTable read(Path file) {
    Checks.notNull("file", file);
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(file.toString(), "is a folder; expected a CSV file");
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, name);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file.toString(), "no such file");
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(name, "not valid UTF-8 text");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new InvalidInputException(file.toString(), "cannot read the file: permission denied");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads CSV text with a header line.
   *
   * @param reader the text
   * @param source the name used in error messages (a file name)
   * @return the table
   * @throws InvalidInputException if the text is empty or not well-formed CSV
   * @throws IOException if reading fails
   */
  public static CsvTable read(Reader reader, String source) throws IOException {
    Checks.notNull("reader", reader);
    Checks.notNull("source", source);
    List<String[]> rows = new ArrayList<>();
    long[] lines = new long[16];
    ImmutableList<String> header = null;
    try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        long before = parser.getCurrentLineNumber();
        CSVRecord rec;
        try {
          if (!it.hasNext()) {
            break;
          }
          rec = it.next();
        } catch (UncheckedIOException e) {
          long at = parser.getCurrentLineNumber() + 1;
          if (e.getCause() instanceof CharacterCodingException) {
            // The decoder reads ahead of the parser, so the parser's line would be a guess: give none.
            throw new InvalidInputException(source, "not valid UTF-8 text");
          }
          String why = String.valueOf(e.getCause().getMessage());
          java.util.regex.Matcher open = UNCLOSED_QUOTE.matcher(why);
          if (open.find()) {
            // the parser reached the end of the file looking for the closing quote: the line to show
            // is where the field opened, not the end
            throw new InvalidInputException(source, Long.parseLong(open.group(1)), null,
                "a quoted field opens here and is not closed before the end of the file");
          }
          throw new InvalidInputException(source, at, null, "malformed CSV: " + why);
        }
        // The parser has consumed the record's lines; blank lines it skipped come before it.
        long line = startLine(before, parser.getCurrentLineNumber(), rec);
        String[] cells = new String[rec.size()];
        for (int i = 0; i < cells.length; i++) {
          cells[i] = FormulaGuard.unescape(rec.get(i));
        }
        if (header == null) {
          if (cells.length > 0 && cells[0].startsWith("\uFEFF")) {
            cells[0] = cells[0].substring(1);
          }
          header = ImmutableList.copyOf(cells);
          continue;
        }
        if (cells.length != header.size()) {
          throw new InvalidInputException(
              source, line, null,
              "expected " + header.size() + " fields as in the header " + header + ", found " + cells.length);
        }
        if (rows.size() == lines.length) {
          lines = java.util.Arrays.copyOf(lines, lines.length * 2);
        }
        lines[rows.size()] = line;
        rows.add(cells);
      }
    }
    if (header == null) {
      throw new InvalidInputException(source, "the file is empty: expected a header line");
    }
    return new CsvTable(source, header, rows, java.util.Arrays.copyOf(lines, rows.size()));
  }

  private static long startLine(long before, long after, CSVRecord rec) {
    long embedded = 0;
    for (String v : rec) {
      embedded += v.chars().filter(c -> c == '\n').count();
    }
    return Math.max(before + 1, after - embedded);
  }

  /** @return the name used in messages */
  public String source() {
    return source;
  }

  /** @return the column names, in file order */
  public List<String> header() {
    return header;
  }

  /** @return the number of data rows */
  public int size() {
    return rows.size();
  }

  /**
   * @param name a column name
   * @return whether the header has it
   */
  public boolean hasColumn(String name) {
    return index.containsKey(name);
  }

  /**
   * The position of a required column.
   *
   * @param name column name
   * @return its 0-based index
   * @throws InvalidInputException naming the column and the columns present
   */
  public int columnIndex(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new InvalidInputException(source, 1, name, "missing column; the header has " + header);
    }
    return i;
  }

  /**
   * @param row 0-based data row
   * @return the 1-based line the row starts on
   */
  public long line(int row) {
    return lines[row];
  }

  /**
   * @param row 0-based data row
   * @param column column name
   * @return the cell's text
   */
  public String cell(int row, String column) {
    return rows.get(row)[columnIndex(column)];
  }

  /**
   * @param row 0-based data row
   * @param column 0-based column
   * @return the cell's text
   */
  public String cell(int row, int column) {
    return rows.get(row)[column];
  }

  /**
   * An error about one cell.
   *
   * @param row 0-based data row
   * @param column column name
   * @param problem what was expected and found
   * @return the exception, to throw
   */
  public InvalidInputException error(int row, String column, String problem) {
    return new InvalidInputException(source, line(row), column, problem);
  }

  /**
   * A required text column.
   *
   * @param column name
   * @return its cells
   */
  public String[] strings(String column) {
    int c = columnIndex(column);
    String[] out = new String[rows.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = rows.get(r)[c];
    }
    return out;
  }

  /**
   * A required column of finite numbers.
   *
   * @param column name
   * @return the numbers
   * @throws InvalidInputException at the first cell that is not a finite number
   */
  public double[] doubles(String column) {
    int c = columnIndex(column);
    double[] out = new double[rows.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = number(r, c, column);
    }
    return out;
  }

  /**
   * Required columns of finite numbers as a matrix, one row per data row and one column per name in
   * order: the covariates of a regression.
   *
   * <pre>{@code
   * double[][] x = table.doubles(List.of("age", "members")); // x[row][0] age, x[row][1] members
   * }</pre>
   *
   * @param columns names
   * @return the numbers, row by row
   * @throws InvalidInputException at the first cell that is not a finite number, column by column
   */
  public double[][] doubles(java.util.List<String> columns) {
    double[][] x = new double[rows.size()][columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      double[] col = doubles(columns.get(j));
      for (int i = 0; i < x.length; i++) {
        x[i][j] = col[i];
      }
    }
    return x;
  }

  /**
   * A required column of finite numbers in which an empty cell (or one of blanks) is a missing value,
   * returned as NaN: time series, where the README's format says so.
   *
   * @param column name
   * @return the numbers, NaN where the cell is empty
   * @throws InvalidInputException at the first non-empty cell that is not a finite number
   */
  public double[] doublesOrMissing(String column) {
    int c = columnIndex(column);
    double[] out = new double[rows.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = rows.get(r)[c].isBlank() ? Double.NaN : number(r, c, column);
    }
    return out;
  }

  /**
   * A required column of finite numbers &gt;= 0 (times, durations, counts).
   *
   * @param column name
   * @return the numbers
   * @throws InvalidInputException at the first cell that is negative, NaN, infinite or not a number
   */
  public double[] nonNegativeDoubles(String column) {
    double[] v = doubles(column);
    for (int r = 0; r < v.length; r++) {
      if (v[r] < 0) {
        throw error(r, column, "expected a number >= 0, found '" + cell(r, column) + "'");
      }
      v[r] += 0.0; // a time of "-0" is 0 (-0.0 + 0.0 is +0.0), which would print as -0 in every result
    }
    return v;
  }

  /**
   * A required column of event indicators: 1/0, true/false (any case).
   *
   * @param column name
   * @return true for an event
   * @throws InvalidInputException at the first cell that is none of these
   */
  public boolean[] statuses(String column) {
    int c = columnIndex(column);
    boolean[] out = new boolean[rows.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = status(rows.get(r)[c], r, column);
    }
    return out;
  }

  /**
   * Parses one finite number.
   *
   * @param row 0-based row
   * @param column column name
   * @return the number
   */
  public double number(int row, String column) {
    return number(row, columnIndex(column), column);
  }

  private double number(int row, int c, String column) {
    String s = rows.get(row)[c];
    double v;
    try {
      v = decimal(s);
    } catch (NumberFormatException e) {
      throw error(row, column, "expected a number, found '" + s + "'");
    }
    if (!Double.isFinite(v)) {
      throw error(row, column, "expected a finite number, found '" + s + "'");
    }
    return v;
  }

  /**
   * Parses a number in the notation the class documentation describes; NaN and infinity as
   * {@link Double#toString} writes them parse too, so that callers can say that the number must be
   * finite rather than that it is not a number. A decimal too large for a double is infinite.
   *
   * @param text the cell
   * @return the number
   * @throws NumberFormatException if the text is in no such notation
   */
  public static double decimal(String text) {
    String s = text.strip();
    if (!DECIMAL.matcher(s).matches() && !NON_FINITE.matcher(s).matches()) {
      throw new NumberFormatException("not a decimal number: '" + text + "'");
    }
    return Double.parseDouble(s);
  }

  private boolean status(String s, int row, String column) {
    switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "1":
      case "true":
        return true;
      case "0":
      case "false":
        return false;
      default:
        throw error(row, column, "expected 0/1 or true/false, found '" + s + "'");
    }
  }

  @Override
  public String toString() {
    return "CsvTable[" + source + ", " + header + ", " + rows.size() + " rows]";
  }
}
