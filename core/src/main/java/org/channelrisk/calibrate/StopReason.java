package org.channelrisk.calibrate;

/** Why an ABC-SMC run stopped. */
public enum StopReason {
  /** The tolerance reached the target tolerance (0 by default: exact matches of discrete statistics). */
  TOLERANCE_REACHED,
  /** The last generation's acceptance rate fell below the minimum. */
  MIN_ACCEPTANCE,
  /** The simulation budget ran out during a generation; the result is the last complete generation. */
  BUDGET,
  /** The maximum number of generations was reached. */
  MAX_GENERATIONS,
  /** The adaptive tolerance could not decrease any further (the distances no longer separate particles). */
  NO_PROGRESS
}
