package io.keyrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help} (and {@code -h}) on every command and subcommand, found by walking the command
 * tree so a new command cannot go without: exit 0, nothing on stderr, a usage that opens with the
 * command's full name and names each of its options and subcommands.
 */
class CliHelpTest {

    static List<String> commands() {
        List<String> paths = new ArrayList<>();
        collect(Keyrail.commandLine(new String[0]), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> paths) {
        paths.add(command.getCommandSpec().qualifiedName());
        command.getSubcommands().values().forEach(sub -> collect(sub, paths));
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void printsUsageNamingEveryOptionAndSubcommand(String path) {
        CommandSpec spec = specOf(path);
        for (String flag : List.of("--help", "-h")) {
            CliRun run = CliRun.of(args(path, flag));
            assertThat(run.status()).as("%s %s exit status", path, flag).isZero();
            assertThat(run.err()).as("stderr").isEmpty();
            assertThat(run.out()).startsWith("Usage: " + path);
            for (OptionSpec option : spec.options()) {
                assertThat(run.out()).as("usage of %s names %s", path, option.longestName())
                        .contains(option.names());
            }
            for (String subcommand : spec.subcommands().keySet()) {
                assertThat(run.out()).as("usage of %s names %s", path, subcommand).contains(subcommand);
            }
        }
    }

    @Test
    void coversEveryCryptoCommandOfTheContract() {
        assertThat(commands()).contains("keyrail crypto kcv", "keyrail crypto pin-block encode",
                "keyrail crypto pin-block decode", "keyrail crypto pin-translate", "keyrail crypto mac",
                "keyrail crypto tr31 wrap", "keyrail crypto tr31 unwrap");
    }

    @Test
    void printsTheVersionOnEveryCommand() {
        for (String path : commands()) {
            CliRun run = CliRun.of(args(path, "--version"));
            assertThat(run.status()).isZero();
            assertThat(run.outLines()).as("%s --version", path).singleElement().asString().startsWith("keyrail ");
        }
    }

    private static CommandSpec specOf(String path) {
        CommandLine command = Keyrail.commandLine(new String[0]);
        for (String name : Arrays.asList(path.split(" ")).subList(1, path.split(" ").length)) {
            command = command.getSubcommands().get(name);
        }
        return command.getCommandSpec();
    }

    private static String[] args(String path, String flag) {
        List<String> args = new ArrayList<>(Arrays.asList(path.split(" ")).subList(1, path.split(" ").length));
        args.add(flag);
        return args.toArray(String[]::new);
    }
}
