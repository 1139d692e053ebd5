package org.channelrisk.charts;

import com.google.common.base.Preconditions;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an axis shows and how its ticks are labelled: plain numbers (10k, 1.4M), shares as
 * percentages, days (ticks every 7, 14, 30, 60 … days), calendar dates from an origin (ticks on the
 * first of the month, "Oct 2019", "Nov", …) or categories. An immutable value; the {@code with}
 * methods return changed copies.
 *
 * <pre>{@code
 * Axis x = Axis.dates("date", LocalDate.of(2019, 10, 1));   // day 0 is 1 October 2019
 * Axis y = Axis.numbers("reach").fromZero();
 * Axis share = Axis.percent("share of reach before the action").range(0, 1.1);
 * }</pre>
 *
 * <p>Ticks: the candidate steps are 1, 2 and 5 times a power of ten (for days also 7, 14, 30, 60, 90,
 * 180 and 365; for dates 1, 2, 3, 6 and 12 months); {@link #ticks} takes the smallest step for which
 * there are at most 13 ticks (9 on a vertical axis) and every two neighbouring labels are at least
 * 10 pixels apart (vertical: 1.8 font heights). This is Heckbert's "nice numbers" (Graphics Gems, 1990)
 * with the label-overlap test of Talbot, Lin and Hanrahan's extended algorithm (2010) as the only
 * legibility criterion.
 */
public final class Axis {
  /** The kinds of axis. */
  public enum Kind {
    /** Numbers, labelled compactly (950, 10k, 1.4M). */
    NUMBER,
    /** Shares (0 to 1) labelled as percentages. */
    PERCENT,
    /** Days, with steps that fit weeks and months. */
    DAYS,
    /** Days counted from an origin date, labelled as dates. */
    DATES,
    /** Categories at positions 1, 2, …, n. */
    CATEGORIES
  }

  /** Font size of tick labels, in pixels. */
  static final double TICK_FONT = 11;
  private static final double GAP = 10;
  private static final double[] DAY_STEPS = {1, 2, 5, 7, 14, 30, 60, 90, 180, 365, 730, 1825, 3650};
  private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 60, 120};

  private final Kind kind;
  private final String title;
  private final LocalDate origin;
  private final List<String> categories;
  private final double min;
  private final double max;
  private final boolean fromZero;

  private Axis(Kind kind, String title, LocalDate origin, List<String> categories, double min, double max, boolean fromZero) {
    this.kind = kind;
    this.title = title;
    this.origin = origin;
    this.categories = categories;
    this.min = min;
    this.max = max;
    this.fromZero = fromZero;
  }

  /**
   * @param title the axis title ("" for none)
   * @return a numeric axis
   */
  public static Axis numbers(String title) {
    return new Axis(Kind.NUMBER, title, null, List.of(), Double.NaN, Double.NaN, false);
  }

  /**
   * @param title the axis title
   * @return an axis of shares, labelled in percent
   */
  public static Axis percent(String title) {
    return new Axis(Kind.PERCENT, title, null, List.of(), Double.NaN, Double.NaN, false);
  }

  /**
   * @param title the axis title, e.g. "days since 1 October 2019"
   * @return an axis of days
   */
  public static Axis days(String title) {
    return new Axis(Kind.DAYS, title, null, List.of(), Double.NaN, Double.NaN, false);
  }

  /**
   * @param title the axis title ("" for none: dates explain themselves)
   * @param origin the date of day 0
   * @return an axis of dates
   */
  public static Axis dates(String title, LocalDate origin) {
    Preconditions.checkArgument(origin != null, "a date axis needs its origin");
    return new Axis(Kind.DATES, title, origin, List.of(), Double.NaN, Double.NaN, false);
  }

  /**
   * @param title the axis title
   * @param names the categories, drawn at 1, 2, …, n
   * @return a categorical axis
   */
  public static Axis categories(String title, List<String> names) {
    Preconditions.checkArgument(!names.isEmpty(), "a categorical axis needs at least one category");
    return new Axis(Kind.CATEGORIES, title, null, List.copyOf(names), 0.5, names.size() + 0.5, false);
  }

  /**
   * @param lo the lower end, or NaN for the data's
   * @param hi the upper end, or NaN for the data's (extended to a tick on a vertical axis)
   * @return this axis with a fixed range
   */
  public Axis range(double lo, double hi) {
    Preconditions.checkArgument(Double.isNaN(lo) || Double.isNaN(hi) || hi > lo, "range needs hi > lo: [%s, %s]", lo, hi);
    return new Axis(kind, title, origin, categories, lo, hi, fromZero);
  }

  /** @return this axis, always including 0 (counts, reach) */
  public Axis fromZero() {
    return new Axis(kind, title, origin, categories, min, max, true);
  }

  /**
   * @param t a new title
   * @return this axis with that title
   */
  public Axis title(String t) {
    return new Axis(kind, t, origin, categories, min, max, fromZero);
  }

  /** @return the kind */
  public Kind kind() {
    return kind;
  }

  /** @return the title ("" for none) */
  public String title() {
    return title;
  }

  /** @return the origin date of a {@link Kind#DATES} axis */
  public Optional<LocalDate> origin() {
    return Optional.ofNullable(origin);
  }

  /**
   * A value written as on this axis, for labels of markers: a date, a day or a compact number.
   *
   * @param v a value
   * @return its label
   */
  public String format(double v) {
    return switch (kind) {
      case DATES -> dayLabel(origin.plusDays(Math.round(v)), true);
      case PERCENT -> NumberLabels.percentTick(v, 0.01);
      case DAYS -> NumberLabels.tick(v, Math.abs(v - Math.rint(v)) < 1e-9 ? 1 : 0.1);
      case CATEGORIES -> {
        int i = (int) Math.round(v) - 1;
        yield i >= 0 && i < categories.size() ? categories.get(i) : NumberLabels.compact(v);
      }
      case NUMBER -> NumberLabels.compact(v);
    };
  }

  /**
   * Chooses the ticks for data in [dataLo, dataHi] on an axis {@code length} pixels long.
   *
   * @param dataLo the smallest value to show
   * @param dataHi the largest value to show
   * @param length the axis length in pixels, &gt; 0
   * @param horizontal whether the axis is horizontal (labels side by side) or vertical (stacked)
   * @return the ticks; their labels never overlap unless even two ticks cannot be placed apart
   */
  public Ticks ticks(double dataLo, double dataHi, double length, boolean horizontal) {
    Preconditions.checkArgument(length > 0, "axis length must be > 0: %s", length);
    double lo = Double.isNaN(min) ? dataLo : min;
    double hi = Double.isNaN(max) ? dataHi : max;
    if (fromZero) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    }
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      lo = 0;
      hi = 1;
    }
    if (hi <= lo) {
      double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      lo -= Double.isNaN(min) ? pad : 0;
      hi += pad;
    }
    if (kind == Kind.CATEGORIES) {
      return categoryTicks(length, horizontal);
    }
    if (kind == Kind.DATES && hi - lo > 60) {
      return monthTicks(lo, hi, length, horizontal);
    }
    // a vertical axis is extended to the next tick beyond the data (free ends only)
    boolean extendLo = !horizontal && Double.isNaN(min);
    boolean extendHi = !horizontal && Double.isNaN(max);
    int maxTicks = horizontal ? 13 : 9;
    Ticks fallback = null;
    for (double step : steps(hi - lo, maxTicks)) {
      double a = extendLo ? Math.floor(lo / step + 1e-9) * step : lo;
      double b = extendHi ? Math.ceil(hi / step - 1e-9) * step : hi;
      List<Double> values = new ArrayList<>();
      for (long k = (long) Math.ceil(a / step - 1e-9); k * step <= b + step * 1e-9; k++) {
        values.add(k * step == 0 ? 0.0 : k * step);
      }
      if (values.size() > maxTicks) {
        continue;
      }
      if (values.size() < 2) {
        break;
      }
      List<String> labels = new ArrayList<>();
      for (double v : values) {
        labels.add(label(v, step));
      }
      Ticks t = new Ticks(a, b, step, values, labels);
      if (fits(t, length, horizontal)) {
        return t;
      }
      fallback = t;
    }
    if (fallback != null && fallback.values().size() == 2) {
      return fallback;
    }
    return new Ticks(lo, hi, hi - lo, List.of(lo, hi), List.of(label(lo, hi - lo), label(hi, hi - lo)));
  }

  private String label(double v, double step) {
    return switch (kind) {
      case PERCENT -> NumberLabels.percentTick(v, step);
      case DATES -> dayLabel(origin.plusDays(Math.round(v)), false);
      default -> NumberLabels.tick(v, step);
    };
  }

  private List<Double> steps(double range, int maxTicks) {
    List<Double> out = new ArrayList<>();
    double smallest = range / (maxTicks * 4);
    if ((kind == Kind.DAYS || kind == Kind.DATES) && range >= 10) {
      for (double d : DAY_STEPS) {
        if (d >= smallest) {
          out.add(d);
        }
      }
      if (kind == Kind.DATES) {
        return out;
      }
    }
    double p = Math.pow(10, Math.floor(Math.log10(smallest)));
    for (int e = 0; e < 40; e++) {
      for (double m : new double[] {1, 2, 5}) {
        double s = m * p;
        if (s >= smallest && (out.isEmpty() || s > out.get(out.size() - 1))) {
          out.add(s);
        }
      }
      p *= 10;
      if (p > range * 10) {
        break;
      }
    }
    out.sort(Double::compare);
    return out;
  }

  private Ticks categoryTicks(double length, boolean horizontal) {
    int n = categories.size();
    for (int every = 1; every <= n; every++) {
      List<Double> values = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < n; i += every) {
        values.add(i + 1.0);
        labels.add(categories.get(i));
      }
      Ticks t = new Ticks(0.5, n + 0.5, Double.NaN, values, labels);
      if (fits(t, length, horizontal)) {
        return t;
      }
    }
    return new Ticks(0.5, n + 0.5, Double.NaN, List.of(1.0), List.of(categories.get(0)));
  }

  private Ticks monthTicks(double lo, double hi, double length, boolean horizontal) {
    LocalDate first = origin.plusDays((long) Math.ceil(lo));
    LocalDate last = origin.plusDays((long) Math.floor(hi));
    for (int step : MONTH_STEPS) {
      List<Double> values = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      LocalDate d = first.withDayOfMonth(1);
      if (d.isBefore(first)) {
        d = d.plusMonths(1);
      }
      for (; !d.isAfter(last); d = d.plusMonths(1)) {
        int index = d.getYear() * 12 + d.getMonthValue() - 1;
        if (index % step != 0) {
          continue;
        }
        values.add((double) (d.toEpochDay() - origin.toEpochDay()));
        String month = d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        labels.add(step >= 12 ? Integer.toString(d.getYear())
            : labels.isEmpty() || d.getMonthValue() == 1 ? month + " " + d.getYear() : month);
      }
      if (values.size() <= 12) {
        Ticks t = new Ticks(lo, hi, Double.NaN, values, labels);
        if (values.size() >= 1 && fits(t, length, horizontal)) {
          return t;
        }
      }
    }
    return new Ticks(lo, hi, Double.NaN, List.of(lo), List.of(dayLabel(first, true)));
  }

  private static String dayLabel(LocalDate d, boolean year) {
    String s = d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    return year ? s + " " + d.getYear() : s;
  }

  /** Whether neighbouring labels keep a gap; package-private for the tests that check every chart. */
  static boolean fits(Ticks t, double length, boolean horizontal) {
    List<Double> v = t.values();
    for (int i = 0; i + 1 < v.size(); i++) {
      double d = Math.abs(t.position(v.get(i + 1), 0, length) - t.position(v.get(i), 0, length));
      double need = horizontal
          ? (TextWidth.of(t.labels().get(i), TICK_FONT, false) + TextWidth.of(t.labels().get(i + 1), TICK_FONT, false)) / 2 + GAP
          : TICK_FONT * 1.8;
      if (d < need) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + " axis '" + title + "'" + (origin == null ? "" : " from " + origin)
        + (Double.isNaN(min) && Double.isNaN(max) ? "" : " [" + min + ", " + max + "]") + (fromZero ? " from zero" : "");
  }
}
