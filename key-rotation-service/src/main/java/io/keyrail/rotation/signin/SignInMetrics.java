package io.keyrail.rotation.signin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sign-in metrics: {@code keyrail.sign-ins} (counter, tags {@code mode} and {@code outcome}) and
 * {@code keyrail.sign-in.duration} (timer, tag {@code mode}). Meters are registered once, so the
 * request path only increments.
 */
@Component
class SignInMetrics {

    static final String ISSUED = "issued";

    private final Map<CupSignInMode, Map<String, Counter>> counters = new EnumMap<>(CupSignInMode.class);
    private final Map<CupSignInMode, Timer> timers = new EnumMap<>(CupSignInMode.class);
    private final MeterRegistry registry;

    SignInMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (CupSignInMode mode : CupSignInMode.values()) {
            Map<String, Counter> byOutcome = new HashMap<>();
            for (String outcome : new String[] {ISSUED, SignInProblems.TERMINAL_UNKNOWN, SignInProblems.TERMINAL_SUSPENDED,
                    SignInProblems.TERMINAL_DECOMMISSIONED, SignInProblems.MASTER_KEY_MISSING,
                    SignInProblems.MASTER_KEY_REFUSED}) {
                byOutcome.put(outcome, counter(mode, outcome));
            }
            counters.put(mode, byOutcome);
            timers.put(mode, Timer.builder("keyrail.sign-in.duration")
                    .description("Sign-in processing time, from request to response")
                    .tag("mode", mode.code())
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    private Counter counter(CupSignInMode mode, String outcome) {
        return Counter.builder("keyrail.sign-ins")
                .description("Sign-ins by CUP mode and outcome")
                .tag("mode", mode.code())
                .tag("outcome", outcome)
                .register(registry);
    }

    void record(CupSignInMode mode, String outcome, long nanos) {
        Counter c = counters.get(mode).get(outcome);
        (c == null ? counter(mode, outcome) : c).increment();
        timers.get(mode).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
