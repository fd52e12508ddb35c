package dev.headroom.examples;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code headroom} command: the seed page for any model, estimates as text or JSON, what fits a device, and
 * catalog searches. Exit status: 0 on success, 2 on bad input (unknown model or device, bad number), 1 otherwise.
 *
 * <pre>{@code
 * java -jar examples/target/headroom.jar page deepseek-r1-distill-qwen-1.5b
 * java -jar examples/target/headroom.jar estimate --model llama-3.1-8b-instruct --context 32768 \
 *     --hardware "rtx 4090" --json
 * }</pre>
 */
@Command(name = "headroom", mixinStandardHelpOptions = true, version = "headroom 0.1.0-SNAPSHOT",
    description = "Will this open-weight LLM run on my hardware, at which quantization, with how much context, "
        + "and how fast?",
    subcommands = {PageCommand.class, EstimateCommand.class, FitCommand.class, PlanCommand.class, ModelsCommand.class,
        HardwareCommand.class, CommandLine.HelpCommand.class})
public final class Headroom implements Runnable {
  /** Exit status for bad input. */
  static final int BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line wired with the house error handling, writing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cmd = new CommandLine(new Headroom());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler((ex, args) -> {
      ex.getCommandLine().getErr().println("headroom: " + ex.getMessage());
      String sub = ex.getCommandLine().getCommandName().replace("headroom", "").strip();
      ex.getCommandLine().getErr().println("Try 'headroom " + (sub.isEmpty() ? "" : sub + " ")
          + "--help' for the options.");
      return BAD_INPUT;
    });
    cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("headroom: " + ex.getMessage());
      if (System.getenv("HEADROOM_DEBUG") != null) {
        ex.printStackTrace(commandLine.getErr());
      }
      return ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
          || ex instanceof UncheckedIOException ? BAD_INPUT : 1;
    });
    return cmd;
  }

  /** Runs the command line and returns its exit status. */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    int status = commandLine(out, err).execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /** Runs {@code headroom} with the given arguments and exits with its status. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }
}
