package io.keyrail.rotation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the service under test over real HTTP, as a POSP or an operator would. */
public final class HttpCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public HttpCalls(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response: status, content type, the body (as JSON: null when there is none) and the headers. */
    public record Reply(int status, String contentType, String text, HttpHeaders headers) {

        /** The first value of the header {@code name}, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        }

        /** The problem type's slug ({@code https://keyrail.io/problems/<slug>}). */
        public String problemSlug() {
            String type = json().path("type").asString();
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }

    public Reply post(String path, String token, String jsonBody) {
        return send("POST", path, token, "application/json", jsonBody);
    }

    /** Any method, content type and body (null: none), for the requests a well-behaved client would not send. */
    public Reply send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(token == null ? b : b.header("Authorization", "Bearer " + token));
    }

    public Reply get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(token == null ? b : b.header("Authorization", "Bearer " + token));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(),
                    r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
