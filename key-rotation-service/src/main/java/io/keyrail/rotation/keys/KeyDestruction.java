package io.keyrail.rotation.keys;

import io.keyrail.events.key.KeyDestroyed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Destroys a terminal's working keys when its master key is destroyed or it is decommissioned:
 * every version not yet destroyed loses its key block, and a {@link KeyDestroyed} per version goes
 * to the outbox in the same transaction.
 */
@Service
public class KeyDestruction {

    private final KeyVersions versions;
    private final ApplicationEventPublisher events;

    KeyDestruction(KeyVersions versions, ApplicationEventPublisher events) {
        this.versions = versions;
        this.events = events;
    }

    /** Destroys the terminal's working key versions, for {@code reason}; returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int destroyWorkingKeys(String terminalId, String merchantId, String reason, Instant at) {
        List<KeyVersions.DestroyedVersion> destroyed = versions.destroyAll(terminalId);
        for (KeyVersions.DestroyedVersion v : destroyed) {
            events.publishEvent(new KeyDestroyed(UUID.randomUUID(), at, terminalId, merchantId, v.keyType(), v.version(),
                    reason));
        }
        return destroyed.size();
    }
}
