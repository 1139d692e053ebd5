package org.channelrisk.cli;

import com.google.common.html.HtmlEscapers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.channelrisk.charts.Figure;

/**
 * One self-contained HTML page: inline CSS, inline SVG charts, tables, no script, no external
 * resource. A Content-Security-Policy forbids the browser every network request, so the page can be
 * attached to an email and opened anywhere. Each number taken from a CSV written beside the page
 * carries where it came from ({@code data-csv}, {@code data-row}, {@code data-column}) and the CSV's
 * text ({@code data-value}), so that a test can check the page against the files.
 *
 * <pre>{@code
 * String html = new HtmlReport("channelrisk report: nov2019")
 *     .meta("channelrisk 0.1.0 · seed 1 · 30 replicates")
 *     .heading("Charts").figure(fan, "reach over time")
 *     .build();
 * }</pre>
 */
final class HtmlReport {
  /** How a number is shown: a share in percent, or a fixed number of decimals. */
  enum Format {
    PERCENT,
    DECIMALS_0,
    DECIMALS_2;

    String show(double v) {
      return switch (this) {
        case PERCENT -> String.format(Locale.ROOT, "%.0f%%", 100 * v);
        case DECIMALS_0 -> String.format(Locale.ROOT, "%,.0f", v);
        case DECIMALS_2 -> String.format(Locale.ROOT, "%.2f", v);
      };
    }
  }

  /**
   * A table cell.
   *
   * @param html its content, already escaped
   * @param attributes its attributes (" key=\"value\"" ...), possibly empty
   */
  record Cell(String html, String attributes) {
    static Cell text(String s) {
      return new Cell(escape(s), "");
    }

    /**
     * A number from a CSV: shown formatted, or as {@code missing} when the CSV cell is empty.
     *
     * @param v the value written to the CSV (NaN or infinite: an empty cell)
     * @param format how to show it
     * @param csv the CSV's file name
     * @param row the data row (0 = first row after the header)
     * @param column the column name
     * @param missing how an infinite value reads here ("never"); NaN reads "n/a"
     */
    static Cell number(double v, Format format, String csv, int row, String column, String missing) {
      return new Cell(span(v, format, csv, row, column, missing), " class=\"num\"");
    }

    /**
     * A median with its interval from three CSV columns: "77% (75-78%)".
     *
     * @param median the median
     * @param lower the lower limit
     * @param upper the upper limit
     * @param format how to show them
     * @param csv the CSV's file name
     * @param row the data row
     * @param columns the three columns' names
     * @param missing what an empty cell means
     */
    static Cell spread(double median, double lower, double upper, Format format, String csv, int row, List<String> columns,
        String missing) {
      return new Cell(span(median, format, csv, row, columns.get(0), missing) + " <small>(" + span(lower, format, csv, row,
          columns.get(1), missing) + "–" + span(upper, format, csv, row, columns.get(2), missing) + ")</small>", " class=\"num\"");
    }

    private static String span(double v, Format format, String csv, int row, String column, String missing) {
      // an empty CSV cell is "never" for an infinite time and "not available" for a NaN
      String shown = Double.isFinite(v) ? format.show(v) : Double.isNaN(v) ? "n/a" : missing;
      String value = Double.isFinite(v) ? Double.toString(v) : "";
      return String.format(Locale.ROOT, "<span data-csv=\"%s\" data-row=\"%d\" data-column=\"%s\" data-value=\"%s\" data-format=\"%s\">%s</span>",
          escape(csv), row, escape(column), value, format.name().toLowerCase(Locale.ROOT), escape(shown));
    }
  }

  private static final String STYLE = """
      body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:#222;max-width:960px;margin:2em auto;padding:0 1em;line-height:1.45}
      h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}
      .meta{color:#555;font-size:.9em}table{border-collapse:collapse;font-size:.9em;margin:.5em 0}
      th,td{padding:.25em .5em;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}td.num{text-align:right;white-space:nowrap}small{color:#555}
      figure{margin:1.5em 0}figure svg{max-width:100%;height:auto;display:block}figcaption{color:#555;font-size:.9em}
      pre{background:#f6f6f6;padding:.8em;overflow-x:auto;font-size:.85em;white-space:pre-wrap}
      """;

  private final String title;
  private final List<String> parts = new ArrayList<>();
  private int figures;

  HtmlReport(String title) {
    this.title = title;
  }

  HtmlReport meta(String line) {
    parts.add("<p class=\"meta\">" + escape(line) + "</p>");
    return this;
  }

  HtmlReport heading(String h) {
    parts.add("<h2>" + escape(h) + "</h2>");
    return this;
  }

  HtmlReport paragraph(String text) {
    parts.add("<p>" + escape(text) + "</p>");
    return this;
  }

  HtmlReport table(String id, List<String> header, List<List<Cell>> rows) {
    StringBuilder sb = new StringBuilder("<table id=\"" + escape(id) + "\">\n<thead><tr>");
    for (String h : header) {
      sb.append("<th>").append(escape(h)).append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (List<Cell> row : rows) {
      sb.append("<tr>");
      for (Cell c : row) {
        sb.append("<td").append(c.attributes()).append('>').append(c.html()).append("</td>");
      }
      sb.append("</tr>\n");
    }
    parts.add(sb.append("</tbody>\n</table>").toString());
    return this;
  }

  HtmlReport figure(Figure f, String caption) {
    String svg = f.svg().replaceFirst("^<\\?xml[^>]*>\\s*", "");
    parts.add("<figure class=\"chart\" id=\"chart-" + (++figures) + "\">\n" + svg + "<figcaption>" + escape(caption)
        + "</figcaption>\n</figure>");
    return this;
  }

  HtmlReport preformatted(String text) {
    parts.add("<pre>" + escape(text) + "</pre>");
    return this;
  }

  /** @return the number of charts added */
  int figures() {
    return figures;
  }

  String build() {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // no network request of any kind: styles inline, images inline (SVG), no scripts
    sb.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sb.append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>").append(escape(title)).append("</h1>\n");
    for (String p : parts) {
      sb.append(p).append('\n');
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  /** Text for XML and HTML, escaped by Guava's HTML escaper (&amp;, &lt;, &gt;, quotes). */
  static String escape(String s) {
    return HtmlEscapers.htmlEscaper().escape(s);
  }
}
