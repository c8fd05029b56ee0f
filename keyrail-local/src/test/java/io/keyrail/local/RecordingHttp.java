package io.keyrail.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end-to-end test's HTTP client, with a bearer token per call. It keeps every response body,
 * except a custodian's clear component (the one answer that legitimately carries key material), so
 * the test can show that no other answer ever carried a clear key.
 */
final class RecordingHttp {

    /** An answer: status, body, and the body as JSON (null when it is not JSON). */
    record Answer(int status, String body, JsonNode json) {

        String text(String field) {
            JsonNode node = json == null ? null : json.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        /** The problem type's slug ({@code https://keyrail.io/problems/<slug>}), or null. */
        String problemSlug() {
            String type = text("type");
            return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> recorded = new CopyOnWriteArrayList<>();

    Answer post(String url, String token, Object body) {
        return recordedAnswer(send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token));
    }

    Answer get(String url, String token) {
        return recordedAnswer(send(HttpRequest.newBuilder(URI.create(url)).GET(), token));
    }

    /** A custodian's component fetch: a 200 answer carries a clear component, so it is not recorded. */
    Answer getClearComponent(String url, String token) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
        return answer.status() == 200 ? answer : recordedAnswer(answer);
    }

    /** Every recorded response body, in order. */
    List<String> recordedBodies() {
        return List.copyOf(recorded);
    }

    private Answer recordedAnswer(Answer answer) {
        recorded.add(answer.body());
        return answer;
    }

    private Answer send(HttpRequest.Builder request, String token) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json, application/problem+json")
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = null;
            if (body != null && (body.startsWith("{") || body.startsWith("["))) {
                json = JSON.readTree(body);
            }
            return new Answer(response.statusCode(), body, json);
        } catch (IOException e) {
            throw new AssertionError("no answer from " + request.build().uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
