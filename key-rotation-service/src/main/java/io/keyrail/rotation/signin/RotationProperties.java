package io.keyrail.rotation.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Key rotation settings ({@code keyrail.rotation.*}).
 *
 * @param overlap how long the version a sign-in supersedes stays accepted (messages in flight under
 *                the old keys still verify)
 * @param signInWriters threads that write sign-in batches, each in its own transaction (two: one batch
 *                      commits while the next is built; more writers make smaller batches, which cost
 *                      the database more per sign-in)
 * @param signInBatch   the most sign-ins one transaction carries
 * @param signInHelperDelay when positive, only the first writer takes sign-ins as they come; the
 *                          others take them only once the oldest has waited this long (the first
 *                          writer is held up by a slow batch), so that batches stay large while it
 *                          keeps up; 0 lets every writer take sign-ins at once
 * @param signInLinger  how long the first writer lets the oldest queued sign-in wait for others
 *                      before it writes them (fewer, larger transactions; the helpers' delay counts
 *                      from its end); 0 writes at once
 */
@ConfigurationProperties("keyrail.rotation")
record RotationProperties(@DefaultValue("PT30M") Duration overlap,
                          @DefaultValue("2") int signInWriters,
                          @DefaultValue("64") int signInBatch,
                          @DefaultValue("2ms") Duration signInHelperDelay,
                          @DefaultValue("4ms") Duration signInLinger) {

    RotationProperties {
        if (signInWriters < 1 || signInBatch < 1) {
            throw new IllegalArgumentException("keyrail.rotation.sign-in-writers and sign-in-batch must be at least 1");
        }
        if (signInHelperDelay.isNegative() || signInLinger.isNegative()) {
            throw new IllegalArgumentException(
                    "keyrail.rotation.sign-in-helper-delay and sign-in-linger must not be negative");
        }
    }
}
