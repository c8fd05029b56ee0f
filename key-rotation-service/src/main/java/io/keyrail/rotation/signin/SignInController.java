package io.keyrail.rotation.signin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/terminals/{terminalId}/sign-in} on the service's port: the POSP signs a terminal
 * in (role POSP). The POSP listener ({@link PospListener}) answers the same request on its own port
 * without the servlet stack, for the sign-in rate of a whole estate.
 */
@RestController
@Tag(name = "Sign-in")
class SignInController {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final SignInExchange exchange;

    SignInController(SignInExchange exchange) {
        this.exchange = exchange;
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
        return switch (await(exchange.signIn(terminalId, request.mode()))) {
            case SignInExchange.Answer.Issued issued -> ResponseEntity.ok(issued.response());
            case SignInExchange.Answer.Problem problem ->
                    ResponseEntity.status(problem.problem().getStatus()).body(problem.problem());
        };
    }

    /** The answer, or the failure as it was thrown (so the problem handlers see the HSM's or database's exception). */
    private static SignInExchange.Answer await(CompletableFuture<SignInExchange.Answer> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
