package io.keyrail.rotation.signin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/terminals/{terminalId}/sign-in}: the POSP signs a terminal in (role POSP). */
@RestController
@Tag(name = "Sign-in")
class SignInController {

    private static final Pattern TERMINAL_ID = Pattern.compile("[0-9A-Za-z]{8}");
    private static final String PROBLEM_JSON = "application/problem+json";

    private final SignInBatcher signIn;
    private final SignInMetrics metrics;

    SignInController(SignInBatcher signIn, SignInMetrics metrics) {
        this.signIn = signIn;
        this.metrics = metrics;
    }

    @PostMapping("/v1/terminals/{terminalId}/sign-in")
    @PreAuthorize("hasRole('POSP')")
    @Operation(summary = "Sign a terminal in (CUP 0800/0810)",
            description = "Issues the next version of the TPK and TAK (and TDK in mode 004) under the terminal's TMK "
                    + "and returns field 62. The previous versions stay accepted for the overlap window. The terminal "
                    + "becomes ACTIVE. Publishes KeyIssued and the key material through the outbox.")
    @ApiResponse(responseCode = "200", description = "Keys issued",
            content = @Content(schema = @Schema(implementation = SignInResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid-sign-in-mode, invalid-terminal-id, invalid-request",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "terminal-unknown",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "terminal-suspended, terminal-decommissioned, "
            + "terminal-master-key-missing, terminal-master-key-refused",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> signIn(@PathVariable String terminalId, @Valid @RequestBody SignInRequest request) {
        if (!TERMINAL_ID.matcher(terminalId).matches()) {
            return ResponseEntity.badRequest().body(SignInProblems.invalidTerminalId());
        }
        Optional<CupSignInMode> mode = CupSignInMode.ofCode(request.mode());
        if (mode.isEmpty()) {
            return ResponseEntity.badRequest().body(SignInProblems.invalidMode());
        }
        long start = System.nanoTime();
        SignInOutcome outcome = await(signIn.submit(terminalId, mode.get()));
        metrics.record(mode.get(), SignInProblems.slug(outcome), System.nanoTime() - start);
        return switch (outcome) {
            case SignInOutcome.Issued issued -> ResponseEntity.ok(issued.response());
            default -> {
                ProblemDetail problem = SignInProblems.of(outcome, terminalId);
                yield ResponseEntity.status(problem.getStatus()).body(problem);
            }
        };
    }

    /** The outcome, or the failure as it was thrown (so the problem handlers see the HSM's or database's exception). */
    private static SignInOutcome await(CompletableFuture<SignInOutcome> outcome) {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
