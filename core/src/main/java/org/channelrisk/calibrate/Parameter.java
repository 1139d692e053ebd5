package org.channelrisk.calibrate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A calibrated parameter: a name (a column of the posterior) and its prior. Where the value goes in a
 * scenario is the {@link ScenarioMapping}'s business (the command line maps names to the scenario
 * file's field paths).
 *
 * <pre>{@code
 * Parameter compliance = new Parameter("compliance", Prior.beta(2, 2));
 * }</pre>
 *
 * @param name a non-empty name without commas or line breaks (it becomes a CSV header)
 * @param prior its prior
 */
public record Parameter(String name, Prior prior) {
  /** Validates the name. */
  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prior, "prior");
    checkArgument(!name.isBlank() && name.chars().noneMatch(c -> c == ',' || c == '\n' || c == '\r' || c == '"'),
        "parameter name must be non-empty, without commas, quotes or line breaks: '%s'", name);
  }

  @Override
  public String toString() {
    return name + " ~ " + prior;
  }
}
