package io.keyrail.cli;

import io.keyrail.cli.crypto.CryptoCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code keyrail}: the command line. Crypto commands are a calculator for payment engineers on
 * test keys; they start without Spring. Results go to stdout as one line (or one JSON object);
 * invalid input gives a non-zero exit and one line on stderr naming the bad option, nothing on stdout.
 */
@Command(name = "keyrail", mixinStandardHelpOptions = true, versionProvider = Keyrail.Version.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Keyrail: POS terminal key lifecycle.")
public final class Keyrail implements Runnable {

    /** Exit status for input the command cannot use (a bad option, a malformed value). */
    public static final int EXIT_USAGE = 2;
    /** Exit status for a well-formed request whose answer is "no" (a MAC mismatch, a refused format change). */
    public static final int EXIT_REFUSED = 1;

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("keyrail: " + InvalidInputMessage.of(ex, a));
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CommandFailure failure) {
                err.println("keyrail: " + oneLine(failure.getMessage()));
                return failure.exitCode();
            }
            if (ex instanceof IllegalArgumentException) {
                err.println("keyrail: " + oneLine(ex.getMessage()));
                return EXIT_USAGE;
            }
            err.println("keyrail: internal error (" + ex.getClass().getSimpleName() + ")");
            return 70;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /**
     * The command tree {@code args} can reach: {@code keyrail crypto kcv ...} builds the kcv command
     * only (start-up time is mostly picocli reflecting over commands); anything else, including no
     * arguments, builds them all.
     */
    static CommandLine commandLine(String[] args) {
        skipUnusedConverters();
        String cryptoCommand = args.length > 1 && args[0].equals("crypto") ? args[1] : null;
        return new CommandLine(new Keyrail()).addSubcommand(CryptoCommand.commandLine(cryptoCommand));
    }

    /**
     * Picocli registers its java.time and java.sql converters by reflection, which initializes
     * those classes (java.time builds its date formatters): tens of milliseconds at every start,
     * and no option here takes such a type. Its documented switch turns that off, unless the
     * caller has set it.
     */
    private static void skipUnusedConverters() {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.time\\..*,java\\.sql\\..*");
        }
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
            String v = Keyrail.class.getPackage().getImplementationVersion();
            return new String[] {"keyrail " + (v == null ? "development" : v)};
        }
    }
}
