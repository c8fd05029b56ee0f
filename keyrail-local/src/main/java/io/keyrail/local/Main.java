package io.keyrail.local;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code keyrail local | token | events}: the embedded run and the tools around it. The launcher
 * {@code ./keyrail} sends these commands here and everything else to the crypto calculator.
 * A command that cannot do its job exits non-zero with one line on stderr.
 */
@Command(name = "keyrail", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Keyrail's embedded run: local, token, events.",
        subcommands = {LocalCommand.class, TokenCommand.class, EventsCommand.class})
public final class Main implements Runnable {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int status = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(status);
    }

    /** Runs the command line with the given streams and returns the exit status. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("keyrail: " + oneLine(ex.getMessage()));
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CommandFailure || ex instanceof IllegalArgumentException) {
                err.println("keyrail: " + (ex instanceof CommandFailure ? ex.getMessage() : oneLine(ex.getMessage())));
                return ex instanceof CommandFailure ? EXIT_FAILED : EXIT_USAGE;
            }
            err.println("keyrail: " + ex.getClass().getSimpleName() + ": " + oneLine(ex.getMessage()));
            return 70;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    static String oneLine(String message) {
        return message == null ? "failed" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"keyrail-local " + (v == null ? "development" : v)};
        }
    }
}
