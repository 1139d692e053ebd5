/**
 * Input and output: CSV files in and out, written so that a failed write never leaves half a file,
 * read so that a bad cell is reported by file, line and column, and pseudonymised on request.
 *
 * <h2>Formats</h2>
 *
 * <table>
 *   <caption>CSV formats</caption>
 *   <tr><th>what</th><th>columns</th><th>class</th></tr>
 *   <tr><td>time series</td><td>{@code t,value[,...]}</td><td>{@link org.channelrisk.io.TimeSeriesTable}</td></tr>
 *   <tr><td>lifetimes</td><td>{@code id,time,event[,group][,entry]}</td><td>{@link org.channelrisk.io.LifetimeCsv}</td></tr>
 *   <tr><td>referral log</td><td>{@code id,platform,sent_at,outcome,decided_at[,target]}</td>
 *       <td>{@link org.channelrisk.io.ReferralLogCsv}</td></tr>
 *   <tr><td>ecosystem</td><td>a folder of five files</td><td>{@link org.channelrisk.io.EcosystemCsv}</td></tr>
 *   <tr><td>any table</td><td>a header and rows</td><td>{@link org.channelrisk.io.CsvTable}</td></tr>
 * </table>
 *
 * <h2>A worked example</h2>
 *
 * <pre>{@code
 * List<Referral> log = ReferralLogCsv.read(Path.of("referrals.csv"));
 * // referrals.csv line 7, column 'outcome': expected removed, declined or pending, found 'gone'
 * Pseudonymizer p = Pseudonymizer.fromKeyFile(Path.of("secret.key"));
 * ReferralLogCsv.write(Path.of("shareable.csv"), p.apply(log));
 * }</pre>
 *
 * <p>Times in logs are days or ISO-8601 text; {@link org.channelrisk.io.IsoTime} reads the two ISO
 * forms (an instant with offset, or a date at midnight UTC) for every reader of such logs.
 *
 * <p>Safety: every writer goes through {@link org.channelrisk.io.AtomicFiles} (temporary file, then an
 * atomic move) and escapes text cells that a spreadsheet would run as formulas
 * ({@link org.channelrisk.io.FormulaGuard}); readers undo that escape, so values round-trip exactly.
 * Nothing here uses Java serialization. All classes are stateless or immutable and thread-safe.
 */
package org.channelrisk.io;
