package io.keyrail.rotation.signin;

/** The outcome of a sign-in: keys issued, or why not (each maps to its own problem type). */
sealed interface SignInOutcome {

    /** New versions were issued, stored and published. */
    record Issued(SignInResponse response) implements SignInOutcome {
    }

    /** The registry has not announced this terminal. */
    record TerminalUnknown() implements SignInOutcome {
    }

    /** The terminal is suspended. */
    record TerminalSuspended() implements SignInOutcome {
    }

    /** The terminal is decommissioned. */
    record TerminalDecommissioned() implements SignInOutcome {
    }

    /** The terminal has no master key (never installed, or destroyed): "keys not loaded" cannot be cured by sign-in. */
    record MasterKeyMissing() implements SignInOutcome {
    }

    /** The HSM refused to wrap a key of the mode under the terminal's master key (too weak, wrong usage). */
    record MasterKeyRefused(String reason) implements SignInOutcome {
    }
}
