package org.channelrisk.cli.ingest;

import picocli.CommandLine.Command;

/**
 * {@code channelrisk ingest}: turns the data researchers collect into the library's inputs. {@code
 * ingest telegram} reads Telegram Desktop JSON exports into daily posting series; {@code ingest status}
 * reads a channel monitoring log into lifetimes.
 *
 * <pre>{@code
 * channelrisk ingest telegram --export result.json --out series
 * channelrisk ingest status --input checks.csv --out lifetimes.csv
 * }</pre>
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Read Telegram exports and channel monitoring logs into series and lifetimes.",
    subcommands = {TelegramIngest.class, StatusIngest.class})
public final class IngestCommand {
  /** Picocli creates it. */
  public IngestCommand() {}
}
