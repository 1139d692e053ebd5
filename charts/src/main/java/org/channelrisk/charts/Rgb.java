package org.channelrisk.charts;

import com.google.common.base.Preconditions;
import java.util.Locale;

/**
 * An opaque colour; transparency is a property of what is drawn with it (a band's fill), not of the
 * colour, so that a legend swatch and the band it stands for always match.
 *
 * <pre>{@code
 * Rgb blue = Palette.BLUE;       // #0072B2
 * blue.hex();                    // "#0072b2"
 * }</pre>
 *
 * @param red 0 to 255
 * @param green 0 to 255
 * @param blue 0 to 255
 */
public record Rgb(int red, int green, int blue) {
  /** Checks the channels. */
  public Rgb {
    Preconditions.checkArgument(red >= 0 && red <= 255, "red must be in [0, 255]: %s", red);
    Preconditions.checkArgument(green >= 0 && green <= 255, "green must be in [0, 255]: %s", green);
    Preconditions.checkArgument(blue >= 0 && blue <= 255, "blue must be in [0, 255]: %s", blue);
  }

  /**
   * @param hex six hex digits, with or without a leading {@code #}
   * @return the colour
   */
  public static Rgb of(String hex) {
    String h = hex.startsWith("#") ? hex.substring(1) : hex;
    Preconditions.checkArgument(h.matches("[0-9a-fA-F]{6}"), "a colour is six hex digits: %s", hex);
    int v = Integer.parseInt(h, 16);
    return new Rgb(v >> 16, (v >> 8) & 0xff, v & 0xff);
  }

  /** @return {@code #rrggbb} in lower case, as SVG and CSS take it */
  public String hex() {
    return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
  }

  @Override
  public String toString() {
    return hex();
  }
}
