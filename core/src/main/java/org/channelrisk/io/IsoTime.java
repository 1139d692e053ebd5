package org.channelrisk.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.channelrisk.internal.Checks;

/**
 * The two ISO-8601 forms in which channel-status logs and referral logs write when something
 * happened: an instant with its offset ({@code 2019-11-21T10:00:00Z}, {@code 2019-11-21T11:00+01:00})
 * or a date, read as midnight UTC ({@code 2019-11-21}). Shared by every reader of such logs, so that
 * they accept the same cells.
 *
 * <pre>{@code
 * Optional<Instant> at = IsoTime.parse("2019-11-21T10:00:00Z"); // 2019-11-21T10:00:00Z
 * Optional<Instant> day = IsoTime.parse("2019-11-21");          // 2019-11-21T00:00:00Z
 * Optional<Instant> none = IsoTime.parse("21/11/2019");         // empty
 * }</pre>
 *
 * <p>Reference: ISO 8601; {@link java.time.format.DateTimeFormatter#ISO_OFFSET_DATE_TIME} and {@link
 * java.time.format.DateTimeFormatter#ISO_LOCAL_DATE}.
 */
public final class IsoTime {
  private IsoTime() {}

  /**
   * Reads an instant with offset, or a date at midnight UTC; white space around the text is ignored.
   *
   * @param text the text, not null
   * @return the instant, empty when the text is neither form
   */
  public static Optional<Instant> parse(String text) {
    String s = Checks.notNull("text", text).strip();
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException notAnInstant) {
      try {
        return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
