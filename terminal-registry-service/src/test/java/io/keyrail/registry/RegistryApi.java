package io.keyrail.registry;

import io.keyrail.testing.ServiceTestProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registry's REST API as a client sees it, with bearer tokens from the test issuer. */
public final class RegistryApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public RegistryApi(String base) {
        this.base = base;
    }

    /** A response: status, JSON body (null when there is none), raw body. */
    public record Response(int status, JsonNode body, String text, String location) {
        public String string(String field) {
            return body.path(field).asString();
        }
    }

    public static String operator() {
        return ServiceTestProperties.token("olivia", "OPERATOR");
    }

    public static String auditor() {
        return ServiceTestProperties.token("arthur", "AUDITOR");
    }

    public static String custodian(String name) {
        return ServiceTestProperties.token(name, "CUSTODIAN");
    }

    public Response post(String path, String token, Object body) {
        return send(path, token, "POST", "application/json", JSON.writeValueAsString(body));
    }

    public Response patch(String path, String token, Object body) {
        return send(path, token, "PATCH", "application/json", JSON.writeValueAsString(body));
    }

    public Response postRaw(String path, String token, String contentType, String body) {
        return send(path, token, "POST", contentType, body);
    }

    public Response get(String path, String token) {
        return send(path, token, "GET", null, null);
    }

    private Response send(String path, String token, String method, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isBlank() || !r.body().strip().startsWith("{")
                    && !r.body().strip().startsWith("[") ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), json, r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
