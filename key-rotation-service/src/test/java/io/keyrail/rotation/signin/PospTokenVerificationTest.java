package io.keyrail.rotation.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.keyrail.rotation.security.VerifiedTokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The POSP listener verifies a token it has not seen before off its event loop: with one event
 * loop and a decoder that hangs (a remote JWKS that does not answer), a request with a token
 * verified before is still answered, and the hanging one is answered once its decoder returns.
 * The tokens here carry no POSP role, so every answer is a 403 and no sign-in is attempted.
 */
class PospTokenVerificationTest {

    private final CountDownLatch issuerAnswers = new CountDownLatch(1);
    private final AtomicReference<String> decodedOn = new AtomicReference<>();
    private PospListener listener;

    @AfterEach
    void stop() {
        issuerAnswers.countDown();
        PospListeners.close(listener);
    }

    @Test
    void aTokenVerifiedOnTheNetworkDoesNotHoldUpTheEventLoop() throws Exception {
        listener = PospListeners.started(null, new SlowIssuerDecoder(), 10);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        CompletableFuture<HttpResponse<String>> firstSeen = http.sendAsync(signIn("new-token"),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> decodedOn.get() != null);

        HttpResponse<String> known = http.sendAsync(signIn("known-token"), HttpResponse.BodyHandlers.ofString())
                .get(10, TimeUnit.SECONDS);
        assertThat(known.statusCode()).isEqualTo(403);
        assertThat(firstSeen).as("still waiting for the issuer").isNotDone();
        assertThat(decodedOn.get()).startsWith("posp-token-verifier-");

        issuerAnswers.countDown();
        HttpResponse<String> answered = firstSeen.get(10, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(403);
        assertThat(answered.body()).contains("sign-in needs the role POSP");
    }

    @Test
    void aTokenTheDecoderRejectsGets401WithTheBearerChallenge() throws Exception {
        issuerAnswers.countDown();
        listener = PospListeners.started(null, new SlowIssuerDecoder(), 10);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(signIn("forged-token"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
    }

    private HttpRequest signIn(String token) {
        return PospListeners.signIn(listener.port(), token);
    }

    /** Knows "known-token"; verifies "new-token" only when the issuer answers; rejects anything else. */
    private final class SlowIssuerDecoder implements JwtDecoder, VerifiedTokens {

        @Override
        public Optional<Jwt> verifiedBefore(String token) {
            return token.equals("known-token") ? Optional.of(operator(token)) : Optional.empty();
        }

        @Override
        public Jwt decode(String token) {
            if (!token.equals("new-token")) {
                throw new BadJwtException("not signed by the issuer");
            }
            decodedOn.set(Thread.currentThread().getName());
            try {
                if (!issuerAnswers.await(30, TimeUnit.SECONDS)) {
                    throw new BadJwtException("the issuer did not answer");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BadJwtException("interrupted");
            }
            return operator(token);
        }

        private static Jwt operator(String token) {
            return PospListeners.token(token, "OPERATOR");
        }
    }
}
