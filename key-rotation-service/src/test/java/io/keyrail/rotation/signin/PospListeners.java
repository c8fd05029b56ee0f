package io.keyrail.rotation.signin;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/** POSP listeners for tests that drive one directly: on a free loopback port, one event loop. */
final class PospListeners {

    private PospListeners() {
    }

    /** A started listener in front of {@code exchange}, verifying tokens with {@code tokens}. */
    static PospListener started(SignInExchange exchange, JwtDecoder tokens, int drainSeconds) {
        PospListener listener = new PospListener(new PospListenerProperties(true, "127.0.0.1", 0, 1, 4096, 120,
                drainSeconds), exchange, tokens, JsonMapper.builder().build(), new SimpleMeterRegistry());
        listener.start();
        return listener;
    }

    /** Stops and destroys {@code listener}, if there is one. */
    static void close(PospListener listener) {
        if (listener != null) {
            listener.stop();
            listener.destroy();
        }
    }

    /** A mode-003 sign-in of terminal 12345678 on the listener at {@code port}, with the bearer {@code token}. */
    static HttpRequest signIn(int port, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/terminals/12345678/sign-in"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"003\"}")).build();
    }

    /** A verified token {@code value} carrying {@code role}, valid for ten minutes. */
    static Jwt token(String value, String role) {
        Instant now = Instant.now();
        return Jwt.withTokenValue(value).header("alg", "RS256").claim("roles", List.of(role))
                .issuedAt(now).expiresAt(now.plusSeconds(600)).build();
    }
}
