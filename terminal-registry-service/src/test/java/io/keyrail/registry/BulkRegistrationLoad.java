package io.keyrail.registry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Enumeration;

/**
 * Load check, not part of {@code verify}: posts one bulk registration of {@code rows} generated CSV
 * rows (fresh random terminal ids) to a running registry, streamed as it is generated, and prints
 * the elapsed time and rows per second.
 *
 * <pre>
 * java -cp terminal-registry-service/target/test-classes io.keyrail.registry.BulkRegistrationLoad \
 *     http://127.0.0.1:8081 "$OPERATOR_TOKEN" 100000 all-or-nothing
 * </pre>
 * Arguments: base URL, OPERATOR bearer token (or env {@code KEYRAIL_TOKEN}), rows (default 100000),
 * mode (default all-or-nothing).
 */
public final class BulkRegistrationLoad {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    private BulkRegistrationLoad() {
    }

    /** The outcome of one run. */
    public record Result(int status, Duration elapsed, int rows, String body) {
        public double rowsPerSecond() {
            return rows / (elapsed.toNanos() / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BulkRegistrationLoad <base-url> [token] [rows] [mode]");
            System.exit(2);
        }
        String token = args.length > 1 ? args[1] : System.getenv("KEYRAIL_TOKEN");
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        String mode = args.length > 3 ? args[3] : "all-or-nothing";
        Result r = run(args[0], token, rows, mode);
        System.out.printf("HTTP %d: %d rows in %.2f s = %.0f rows/s%n", r.status(), r.rows(),
                r.elapsed().toNanos() / 1e9, r.rowsPerSecond());
        System.out.println(r.body().length() > 500 ? r.body().substring(0, 500) + "..." : r.body());
        System.exit(r.status() == 200 ? 0 : 1);
    }

    public static Result run(String baseUrl, String token, int rows, String mode) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String merchant = random(new SecureRandom(), 15);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/terminals/bulk?mode=" + mode))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> csv(rows, merchant)))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(response.statusCode(), elapsed, rows, response.body());
    }

    /** The CSV, generated chunk by chunk as the client sends it. */
    private static InputStream csv(int rows, String merchant) {
        SecureRandom random = new SecureRandom();
        int chunk = 1_000;
        return new SequenceInputStream(new Enumeration<>() {
            private int sent = -1;

            @Override
            public boolean hasMoreElements() {
                return sent < rows;
            }

            @Override
            public InputStream nextElement() {
                StringBuilder sb = new StringBuilder();
                if (sent < 0) {
                    sb.append("terminalId,merchantId,acquirerProfile,model,location\n");
                    sent = 0;
                }
                for (int i = 0; i < chunk && sent < rows; i++, sent++) {
                    sb.append(random(random, 8)).append(',').append(merchant)
                            .append(",cup-default,PAX A920,Load test row ").append(sent + 1).append('\n');
                }
                return new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    private static String random(SecureRandom random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
