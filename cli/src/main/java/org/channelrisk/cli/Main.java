package org.channelrisk.cli;

import java.io.PrintWriter;
import org.channelrisk.io.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code channelrisk} command. Exit codes: 0 success, 1 internal failure (a bug: please report
 * it), 2 bad input (a bad option, a malformed file, an output path that breaks the
 * {@link OutputPlan} policy) with a one-line message on stderr and no output file, 3 a fit that did
 * not converge (the result is written and says so); {@code --verbose} adds the stack trace or the
 * parser's full message.
 *
 * <pre>{@code
 * java -jar cli/target/channelrisk.jar ecosystem generate --channels 1000 --seed 7 --out eco
 * }</pre>
 */
@Command(
    name = "channelrisk",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Channel-risk modelling: takedowns, referrals, platform cooperation and network recovery.",
    subcommands = {DemoCommand.class, ReportCommand.class, EcosystemCommand.class, SimulateCommand.class, CalibrateCommand.class, FitCommand.class,
        ImpactCommand.class, SurvivalCommand.class, CooperationCommand.class,
        org.channelrisk.cli.ingest.IngestCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  /** Exit code for success. */
  public static final int OK = 0;
  /** Exit code for an internal failure. */
  public static final int FAILURE = 1;
  /** Exit code for bad input: options, files, values. */
  public static final int BAD_INPUT = 2;
  /** Exit code for a result written with the status "did not converge". */
  public static final int NOT_CONVERGED = 3;

  @Option(names = "--verbose", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @Option(names = OutputPlan.FORCE, description = "Replace existing output files (and write into a non-empty --out folder).",
      scope = CommandLine.ScopeType.INHERIT)
  boolean force;

  /**
   * Runs the command line and exits with its code.
   *
   * @param args arguments
   */
  public static void main(String[] args) {
    // charts are drawn on off-screen images: no window, and on macOS no dock icon, for a command-line tool
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line without exiting, for tests and embedding.
   *
   * @param args arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    Main main = new Main();
    CommandLine cl = new CommandLine(main);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(Main::exitCode);
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      boolean verbose = main.verbose || parsed.hasMatchedOption("--verbose");
      line.getErr().println("channelrisk: " + (verbose ? message(ex) : firstLine(message(ex))));
      if (verbose) {
        ex.printStackTrace(line.getErr());
      }
      line.getErr().flush();
      return exitCode(ex);
    });
    cl.setParameterExceptionHandler((ex, args1) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("channelrisk: " + firstLine(ex.getMessage()) + " (see '" + c.getCommandSpec().qualifiedName()
          + " --help')");
      c.getErr().flush();
      return BAD_INPUT;
    });
    try {
      int code = cl.execute(args);
      // a PrintWriter keeps its write errors to itself: a result that did not reach standard output
      // (a full disk, a closed pipe) is a failure, not a success
      if (out.checkError() && code == OK) {
        err.println("channelrisk: could not write to standard output (a full disk or a closed pipe)");
        err.flush();
        return FAILURE;
      }
      return code;
    } catch (OutOfMemoryError e) {
      // picocli handles exceptions only; an error is reported here, in one line as well
      err.println("channelrisk: out of memory (" + e.getMessage() + "); give the JVM more with -Xmx or ask for less");
      err.flush();
      return FAILURE;
    }
  }

  static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  static int exitCode(Throwable ex) {
    return ex instanceof InvalidInputException
            || ex instanceof IllegalArgumentException
            || ex instanceof CommandLine.ParameterException
        ? BAD_INPUT
        : FAILURE;
  }

  private static String message(Throwable ex) {
    if (ex instanceof InvalidInputException || ex instanceof IllegalArgumentException) {
      return ex.getMessage();
    }
    return "internal error: " + ex;
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "channelrisk " + (v == null ? "(development build)" : v),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
      };
    }
  }
}
