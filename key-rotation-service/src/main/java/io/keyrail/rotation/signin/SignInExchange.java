package io.keyrail.rotation.signin;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * One sign-in as both front doors see it (the Spring MVC endpoint and the POSP listener): checks
 * the terminal id and the CUP mode, queues the sign-in for its batch, counts it, and answers with
 * the response or the problem a POSP maps to its response code. Answers carry cryptograms under the
 * TMK and check values, never a clear key.
 */
@Component
class SignInExchange {

    private static final Pattern TERMINAL_ID = Pattern.compile("[0-9A-Za-z]{8}");

    /** What a sign-in request gets: the keys, or a problem (RFC 9457). */
    sealed interface Answer {

        /** Keys issued: 200 with the response. */
        record Issued(SignInResponse response) implements Answer {
        }

        /** Refused or invalid: the problem, whose status is the HTTP status. */
        record Problem(ProblemDetail problem) implements Answer {
        }
    }

    private final SignInBatcher batcher;
    private final SignInMetrics metrics;

    SignInExchange(SignInBatcher batcher, SignInMetrics metrics) {
        this.batcher = batcher;
        this.metrics = metrics;
    }

    /**
     * Signs {@code terminalId} in with the CUP mode {@code modeCode} (may be null). Completes when
     * the sign-in's batch has committed; completes exceptionally with the HSM's or the database's
     * exception when it failed.
     */
    CompletableFuture<Answer> signIn(String terminalId, String modeCode) {
        if (terminalId == null || !TERMINAL_ID.matcher(terminalId).matches()) {
            return CompletableFuture.completedFuture(new Answer.Problem(SignInProblems.invalidTerminalId()));
        }
        Optional<CupSignInMode> mode = modeCode == null ? Optional.empty() : CupSignInMode.ofCode(modeCode);
        if (mode.isEmpty()) {
            return CompletableFuture.completedFuture(new Answer.Problem(SignInProblems.invalidMode()));
        }
        long start = System.nanoTime();
        return batcher.submit(terminalId, mode.get()).thenApply(outcome -> {
            metrics.record(mode.get(), SignInProblems.slug(outcome), System.nanoTime() - start);
            return switch (outcome) {
                case SignInOutcome.Issued issued -> new Answer.Issued(issued.response());
                default -> new Answer.Problem(SignInProblems.of(outcome, terminalId));
            };
        });
    }
}
