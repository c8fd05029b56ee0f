package io.keyrail.registry.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.registry.terminal.FieldError;
import io.keyrail.registry.terminal.TerminalInput;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TerminalRowsTest {

    private static List<TerminalRows.Row> all(TerminalRows rows) {
        List<TerminalRows.Row> out = new ArrayList<>();
        try (rows) {
            for (TerminalRows.Row r = rows.next(); r != null; r = rows.next()) {
                out.add(r);
            }
        }
        return out;
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonTerminalRows json(String text) {
        return new JsonTerminalRows(JsonMapper.builder().build(), body(text));
    }

    @Test
    void readsJsonObjectsOneByOneIgnoringUnknownPropertiesAndTakingNumbersAsText() {
        List<TerminalRows.Row> rows = all(json("""
                [{"terminalId":"12345678","merchantId":123456789012345,"acquirerProfile":"aes","extra":{"a":1}},
                 {"terminalId":"87654321","merchantId":"ABCDEFGHIJKLMNO","acquirerProfile":"cup-default",
                  "keyScheme":"TDES_2KEY","model":null,"location":"Shop"}]"""));
        assertThat(rows).containsExactly(
                new TerminalRows.Row.Parsed(1, new TerminalInput("12345678", "123456789012345", "aes", null, null, null),
                        List.of()),
                new TerminalRows.Row.Parsed(2, new TerminalInput("87654321", "ABCDEFGHIJKLMNO", "cup-default",
                        "TDES_2KEY", null, "Shop"), List.of()));
    }

    @Test
    void marksJsonElementsThatAreNotObjectsAndFieldsThatAreNotText() {
        List<TerminalRows.Row> rows = all(json("[42, {\"terminalId\":[\"1\"]}, \"x\"]"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(new TerminalRows.Row.Unreadable(1, "must be a JSON object"));
        assertThat(((TerminalRows.Row.Parsed) rows.get(1)).shapeErrors())
                .containsExactly(new FieldError("terminalId", "must be text, not a JSON array"));
        assertThat(rows.get(2)).isEqualTo(new TerminalRows.Row.Unreadable(3, "must be a JSON object"));
    }

    @Test
    void refusesAJsonBodyThatIsNotAnArrayAndStopsWhereTheJsonBreaks() {
        assertThatThrownBy(() -> json("{\"terminalId\":\"12345678\"}"))
                .isInstanceOf(TerminalRows.UnreadableBody.class)
                .hasMessage("the body must be a JSON array of terminals");
        JsonTerminalRows broken = json("[{\"terminalId\":\"12345678\"}, {\"terminalId\" 1}]");
        assertThat(broken.next()).isInstanceOf(TerminalRows.Row.Parsed.class);
        assertThatThrownBy(broken::next).isInstanceOf(TerminalRows.UnreadableBody.class)
                .hasMessageStartingWith("the JSON is malformed at line 1");
    }

    @Test
    void readsCsvColumnsByTheirHeaderNamesInAnyOrderWithQuotedCommas() {
        List<TerminalRows.Row> rows = all(new CsvTerminalRows(body("""
                location,acquirerProfile,TerminalId,merchantId
                "Shop 1, Main Street",cup-default,12345678,123456789012345

                Kiosk,aes,87654321,ABCDEFGHIJKLMNO,extra
                """)));
        assertThat(rows).containsExactly(
                new TerminalRows.Row.Parsed(1, new TerminalInput("12345678", "123456789012345", "cup-default", null,
                        null, "Shop 1, Main Street"), List.of()),
                new TerminalRows.Row.Unreadable(2, "has 5 fields, the header has 4"));
    }

    @Test
    void refusesACsvHeaderWithAnUnknownOrMissingColumn() {
        assertThatThrownBy(() -> new CsvTerminalRows(body("terminalId,merchantId,acquirerProfile,colour\n")))
                .isInstanceOf(TerminalRows.UnreadableBody.class)
                .hasMessageStartingWith("the CSV header has an unknown column 'colour'");
        assertThatThrownBy(() -> new CsvTerminalRows(body("terminalId,merchantId\n")))
                .hasMessage("the CSV header must name the columns terminalId, merchantId and acquirerProfile");
        assertThatThrownBy(() -> new CsvTerminalRows(body("")))
                .hasMessage("the CSV body is empty: a header row is required");
    }
}
