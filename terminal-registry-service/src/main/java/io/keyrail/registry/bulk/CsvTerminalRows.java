package io.keyrail.registry.bulk;

import io.keyrail.registry.terminal.TerminalInput;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * CSV (RFC 4180) with a header row naming the columns {@code terminalId, merchantId,
 * acquirerProfile} and optionally {@code keyScheme, model, location}, in any order; read one record
 * at a time with Jackson's CSV parser. A record with another number of fields than the header is an
 * unreadable row; blank lines are skipped.
 */
final class CsvTerminalRows implements TerminalRows {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES)
            .build();
    private static final List<String> REQUIRED = List.of("terminalid", "merchantid", "acquirerprofile");
    private static final List<String> KNOWN = List.of("terminalid", "merchantid", "acquirerprofile", "keyscheme",
            "model", "location");

    private final MappingIterator<String[]> records;
    private final int[] column = new int[KNOWN.size()];
    private final int width;
    private int number;

    CsvTerminalRows(InputStream body) {
        try {
            this.records = MAPPER.readerFor(String[].class).readValues(body);
            if (!records.hasNextValue()) {
                throw new UnreadableBody(0, "the CSV body is empty: a header row is required");
            }
            String[] header = records.nextValue();
            this.width = header.length;
            Map<String, Integer> positions = new java.util.HashMap<>();
            for (int i = 0; i < header.length; i++) {
                String name = header[i].strip().toLowerCase(Locale.ROOT);
                if (!KNOWN.contains(name)) {
                    throw new UnreadableBody(0, "the CSV header has an unknown column '" + header[i].strip()
                            + "' (known: terminalId, merchantId, acquirerProfile, keyScheme, model, location)");
                }
                if (positions.put(name, i) != null) {
                    throw new UnreadableBody(0, "the CSV header names column '" + header[i].strip() + "' twice");
                }
            }
            for (String r : REQUIRED) {
                if (!positions.containsKey(r)) {
                    throw new UnreadableBody(0, "the CSV header must name the columns terminalId, merchantId and"
                            + " acquirerProfile");
                }
            }
            for (int k = 0; k < KNOWN.size(); k++) {
                column[k] = positions.getOrDefault(KNOWN.get(k), -1);
            }
        } catch (JacksonException e) {
            throw new UnreadableBody(0, "the CSV header row cannot be read");
        }
    }

    @Override
    public Row next() {
        try {
            if (!records.hasNextValue()) {
                return null;
            }
            String[] fields = records.nextValue();
            number++;
            if (fields.length != width) {
                return new Row.Unreadable(number, "has " + fields.length + " fields, the header has " + width);
            }
            return new Row.Parsed(number, new TerminalInput(field(fields, 0), field(fields, 1), field(fields, 2),
                    field(fields, 3), field(fields, 4), field(fields, 5)), List.of());
        } catch (JacksonException e) {
            throw new UnreadableBody(number + 1, "the CSV is malformed at line " + e.getLocation().getLineNr());
        }
    }

    private String field(String[] fields, int known) {
        int at = column[known];
        return at < 0 ? null : fields[at];
    }

    @Override
    public void close() {
        records.close();
    }
}
