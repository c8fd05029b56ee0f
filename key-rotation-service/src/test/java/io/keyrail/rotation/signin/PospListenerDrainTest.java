package io.keyrail.rotation.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.rotation.security.VerifiedTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A stop of the POSP listener (a rolling restart) answers the sign-ins it has already read: it
 * closes the port, waits for their batches, writes each answer with {@code Connection: close}, and
 * only then closes the connections. A request arriving meanwhile on a kept-alive connection gets
 * 503. The sign-ins here are held by a stand-in for the batcher until the test releases them.
 */
class PospListenerDrainTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ConcurrentLinkedQueue<CompletableFuture<SignInExchange.Answer>> held = new ConcurrentLinkedQueue<>();
    private PospListener listener;

    @AfterEach
    void release() {
        held.forEach(f -> f.complete(answer()));
        PospListeners.close(listener);
    }

    @Test
    void stopAnswersTheSignInsAlreadyReadBeforeClosingTheirConnections() throws Exception {
        listener = PospListeners.started(new HeldExchange(), new PospDecoder(), 30);
        int port = listener.port();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(http.sendAsync(PospListeners.signIn(port, "posp-token"), HttpResponse.BodyHandlers.ofString()));
        }
        try (Socket keptAlive = new Socket("127.0.0.1", port)) {
            await().atMost(WAIT).until(() -> held.size() == 3);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(listener::stop);
            await().atMost(WAIT).until(() -> !accepts(port));
            String lateAnswer = exchange(keptAlive, port);
            assertThat(lateAnswer).startsWith("HTTP/1.1 503").containsIgnoringCase("connection: close")
                    .contains("the service is stopping; retry later");
            await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !stopping.isDone());
            assertThat(inFlight).as("still waiting for their batches").noneMatch(CompletableFuture::isDone);

            held.forEach(f -> f.complete(answer()));
            stopping.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
            HttpResponse<String> answered = f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).contains("\"terminalId\":\"12345678\"");
        }
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket("127.0.0.1", port)) {
            return probe.isConnected();
        } catch (IOException refused) {
            return false;
        }
    }

    /** Sends a sign-in over {@code socket} and reads the answer until the server closes the connection. */
    private static String exchange(Socket socket, int port) throws IOException {
        socket.setSoTimeout((int) WAIT.toMillis());
        byte[] body = "{\"mode\":\"003\"}".getBytes(StandardCharsets.UTF_8);
        String head = "POST /v1/terminals/12345678/sign-in HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Authorization: Bearer posp-token\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static SignInExchange.Answer answer() {
        return new SignInExchange.Answer.Issued(new SignInResponse("12345678", "003", "00", List.of(),
                Instant.parse("2026-12-03T00:00:00Z")));
    }

    /** Holds every sign-in until the test completes it. */
    private final class HeldExchange extends SignInExchange {

        HeldExchange() {
            super(null, null);
        }

        @Override
        CompletableFuture<Answer> signIn(String terminalId, String modeCode) {
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            held.add(answer);
            return answer;
        }
    }

    /** Knows one token, with the role POSP. */
    private static final class PospDecoder implements JwtDecoder, VerifiedTokens {

        @Override
        public Optional<Jwt> verifiedBefore(String token) {
            return token.equals("posp-token") ? Optional.of(decode(token)) : Optional.empty();
        }

        @Override
        public Jwt decode(String token) {
            if (!token.equals("posp-token")) {
                throw new BadJwtException("unknown token");
            }
            return PospListeners.token(token, "POSP");
        }
    }
}
