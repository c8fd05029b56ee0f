package io.keyrail.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;

/**
 * Tables of {@code keyrail} calls run as tests: one container per table, named after the command
 * it exercises, and one test per row, named by the row. Every row runs in process through
 * {@link CliRun}; the test class says how a run is judged, once for all its tables.
 */
final class CliTables<R extends CliTables.Row> {

    /** One call of a table: its arguments; its {@code toString()} names it in the test report. */
    interface Row {
        List<String> args();
    }

    private final BiConsumer<R, CliRun> check;
    private final List<DynamicContainer> tables = new ArrayList<>();

    private CliTables(BiConsumer<R, CliRun> check) {
        this.check = check;
    }

    /** Tables whose every row is run and then judged by {@code check}. */
    static <R extends Row> CliTables<R> judgingEachRunBy(BiConsumer<R, CliRun> check) {
        return new CliTables<>(check);
    }

    CliTables<R> table(String name, Stream<R> rows) {
        tables.add(DynamicContainer.dynamicContainer(name, rows.map(row ->
                DynamicTest.dynamicTest(row.toString(), () -> check.accept(row, CliRun.of(row.args()))))));
        return this;
    }

    CliTables<R> table(String name, List<R> rows) {
        return table(name, rows.stream());
    }

    Stream<DynamicContainer> tests() {
        return tables.stream();
    }
}
