package org.channelrisk.charts;

import com.google.common.base.Preconditions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.channelrisk.sim.ActionDay;
import org.channelrisk.sim.Scenario;

/**
 * How a chart's time axis reads: plain days, or calendar dates from the date of day 0, and the
 * events to mark on it (action days) as labelled vertical lines. Immutable.
 *
 * <pre>{@code
 * Timeline tl = Timeline.from(LocalDate.of(2019, 10, 1)).event(51, "action day");
 * tl.axis();       // dates: Oct 2019, Nov, Dec, ...
 * Timeline.days(); // days 0, 30, 60, ...
 * }</pre>
 *
 * @param origin the date of day 0, if the scenario has one
 * @param events the days to mark, with their labels
 */
public record Timeline(Optional<LocalDate> origin, List<Event> events) {
  /**
   * A marked day.
   *
   * @param day the day (as on the series' time axis)
   * @param label what happened
   */
  public record Event(double day, String label) {
    /** Checks. */
    public Event {
      Preconditions.checkArgument(Double.isFinite(day), "an event needs a finite day: %s", day);
      Preconditions.checkNotNull(label, "label");
    }
  }

  /** Copies the events. */
  public Timeline {
    Preconditions.checkNotNull(origin, "origin");
    events = List.copyOf(events);
  }

  /** @return a timeline of plain days without events */
  public static Timeline days() {
    return new Timeline(Optional.empty(), List.of());
  }

  /**
   * @param origin the date of day 0
   * @return a calendar timeline without events
   */
  public static Timeline from(LocalDate origin) {
    return new Timeline(Optional.of(origin), List.of());
  }

  /**
   * @param day a day
   * @param label what happened (e.g. "action day"); the date is added on a calendar timeline
   * @return this timeline with the event
   */
  public Timeline event(double day, String label) {
    List<Event> e = new ArrayList<>(events);
    e.add(new Event(day, label));
    return new Timeline(origin, e);
  }

  /**
   * @param scenario a scenario
   * @return this timeline with each of the scenario's action days marked "action day"
   */
  public Timeline withActionDays(Scenario scenario) {
    Timeline t = this;
    for (ActionDay a : scenario.actionDays()) {
      t = t.event(a.time(), "action day");
    }
    return t;
  }

  /** @return the x axis: dates from the origin, or days */
  public Axis axis() {
    return origin.map(o -> Axis.dates("", o)).orElse(Axis.days("days"));
  }

  /**
   * @param day a day
   * @return its label: "21 Nov 2019" on a calendar timeline, "day 51" otherwise
   */
  public String label(double day) {
    return origin.isPresent() ? axis().format(day) : "day " + axis().format(day);
  }

  /**
   * @param palette colour of the marks
   * @return the events as vertical lines, labelled with what happened and when
   */
  List<Layer> marks(Rgb palette) {
    List<Layer> out = new ArrayList<>();
    for (Event e : events) {
      out.add(Layer.vertical(e.day(), e.label() + ", " + label(e.day()), palette));
    }
    return out;
  }
}
