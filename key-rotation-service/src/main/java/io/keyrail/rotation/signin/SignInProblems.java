package io.keyrail.rotation.signin;

import io.keyrail.support.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The sign-in problem types (RFC 9457, {@code https://keyrail.io/problems/<slug>}), one per reason a
 * POSP maps to its own response code. Details name the terminal, never a key.
 */
final class SignInProblems {

    static final String TERMINAL_UNKNOWN = "terminal-unknown";
    static final String TERMINAL_SUSPENDED = "terminal-suspended";
    static final String TERMINAL_DECOMMISSIONED = "terminal-decommissioned";
    static final String MASTER_KEY_MISSING = "terminal-master-key-missing";
    static final String MASTER_KEY_REFUSED = "terminal-master-key-refused";
    static final String INVALID_MODE = "invalid-sign-in-mode";
    static final String INVALID_TERMINAL_ID = "invalid-terminal-id";

    private SignInProblems() {
    }

    static String slug(SignInOutcome outcome) {
        return switch (outcome) {
            case SignInOutcome.Issued i -> SignInMetrics.ISSUED;
            case SignInOutcome.TerminalUnknown u -> TERMINAL_UNKNOWN;
            case SignInOutcome.TerminalSuspended s -> TERMINAL_SUSPENDED;
            case SignInOutcome.TerminalDecommissioned d -> TERMINAL_DECOMMISSIONED;
            case SignInOutcome.MasterKeyMissing m -> MASTER_KEY_MISSING;
            case SignInOutcome.MasterKeyRefused r -> MASTER_KEY_REFUSED;
        };
    }

    /** The problem for a refused sign-in; {@code Issued} is not a problem. */
    static ProblemDetail of(SignInOutcome outcome, String terminalId) {
        ProblemDetail p = switch (outcome) {
            case SignInOutcome.Issued i -> throw new IllegalArgumentException("an issued sign-in is not a problem");
            case SignInOutcome.TerminalUnknown u -> ProblemTypes.problem(HttpStatus.NOT_FOUND, TERMINAL_UNKNOWN,
                    "Terminal unknown", "terminal " + terminalId + " is not registered");
            case SignInOutcome.TerminalSuspended s -> ProblemTypes.problem(HttpStatus.CONFLICT, TERMINAL_SUSPENDED,
                    "Terminal suspended", "terminal " + terminalId + " is suspended and may not sign in");
            case SignInOutcome.TerminalDecommissioned d -> ProblemTypes.problem(HttpStatus.CONFLICT,
                    TERMINAL_DECOMMISSIONED, "Terminal decommissioned",
                    "terminal " + terminalId + " is decommissioned and may not sign in");
            case SignInOutcome.MasterKeyMissing m -> ProblemTypes.problem(HttpStatus.CONFLICT, MASTER_KEY_MISSING,
                    "Terminal master key missing", "terminal " + terminalId + " has no master key installed");
            case SignInOutcome.MasterKeyRefused r -> ProblemTypes.problem(HttpStatus.CONFLICT, MASTER_KEY_REFUSED,
                    "Terminal master key refused", "the master key of terminal " + terminalId
                            + " cannot carry the keys of this mode: " + r.reason());
        };
        p.setProperty("terminalId", terminalId);
        return p;
    }

    static ProblemDetail invalidMode() {
        return ProblemTypes.problem(HttpStatus.BAD_REQUEST, INVALID_MODE, "Invalid sign-in mode",
                "mode must be 001, 003 or 004");
    }

    static ProblemDetail invalidTerminalId() {
        return ProblemTypes.problem(HttpStatus.BAD_REQUEST, INVALID_TERMINAL_ID, "Invalid terminal id",
                "terminalId must be 8 letters or digits");
    }
}
