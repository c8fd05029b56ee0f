package io.keyrail.rotation.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The POSP sign-in listener ({@code keyrail.rotation.posp-listener.*}, see {@link PospListener}).
 *
 * @param enabled         whether the listener runs (the Spring MVC endpoint always does)
 * @param address         the address it binds (all interfaces by default)
 * @param port            its TCP port; 0 takes a free one
 * @param ioThreads       the event-loop threads that parse requests and write answers (they never wait on a sign-in)
 * @param maxRequestBytes the largest request body accepted; larger ones get 413
 * @param idleTimeoutSeconds how long a kept-alive connection may stay silent before it is closed
 * @param drainSeconds    how long a stop waits for the answers of sign-ins already read
 */
@ConfigurationProperties("keyrail.rotation.posp-listener")
record PospListenerProperties(@DefaultValue("true") boolean enabled,
                              @DefaultValue("0.0.0.0") String address,
                              @DefaultValue("8092") int port,
                              @DefaultValue("2") int ioThreads,
                              @DefaultValue("4096") int maxRequestBytes,
                              @DefaultValue("120") int idleTimeoutSeconds,
                              @DefaultValue("10") int drainSeconds) {

    PospListenerProperties {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("keyrail.rotation.posp-listener.port must be 0 to 65535");
        }
        if (ioThreads < 1 || maxRequestBytes < 256 || idleTimeoutSeconds < 1) {
            throw new IllegalArgumentException("keyrail.rotation.posp-listener: io-threads and idle-timeout-seconds "
                    + "must be at least 1, max-request-bytes at least 256");
        }
        if (drainSeconds < 0) {
            throw new IllegalArgumentException("keyrail.rotation.posp-listener.drain-seconds must be 0 or more");
        }
    }
}
