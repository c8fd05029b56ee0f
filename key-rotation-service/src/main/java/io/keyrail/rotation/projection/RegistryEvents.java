package io.keyrail.rotation.projection;

import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.events.material.KeyMaterial;
import io.keyrail.events.terminal.TerminalMasterKeyDestroyed;
import io.keyrail.events.terminal.TerminalMasterKeyInstalled;
import io.keyrail.events.terminal.TerminalRegistered;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.events.terminal.TerminalStatusChanged;
import io.keyrail.events.terminal.TerminalUpdated;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.rotation.keys.KeyDestruction;
import io.keyrail.support.events.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one registry event to the projection, at most once: the event id is recorded in
 * {@code processed_event} in the same transaction as the effect, so a redelivered event changes
 * nothing. A master key destroyed, or a terminal decommissioned, destroys its working keys too.
 */
@Service
class RegistryEvents {

    static final String CONSUMER = "key-rotation";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryEvents.class);

    private final TerminalProjection terminals;
    private final KeyDestruction destruction;
    private final ProcessedEvents processed;

    RegistryEvents(TerminalProjection terminals, KeyDestruction destruction, ProcessedEvents processed) {
        this.terminals = terminals;
        this.destruction = destruction;
        this.processed = processed;
    }

    /** True when the event had an effect; false when it was a redelivery or of no concern here. */
    @Transactional
    public boolean apply(KeyrailEvent event) {
        if (!concernsProjection(event) || !processed.firstDelivery(event.eventId(), CONSUMER)) {
            return false;
        }
        switch (event) {
            case TerminalRegistered r -> terminals.registered(r.terminalId(), r.merchantId(), r.keyScheme(), r.status(),
                    r.occurredAt());
            case TerminalUpdated u -> terminals.updated(u.terminalId(), u.merchantId(), u.occurredAt());
            case TerminalStatusChanged s -> {
                terminals.statusChanged(s.terminalId(), s.merchantId(), s.status(), s.occurredAt());
                if (s.status() == TerminalStatus.DECOMMISSIONED) {
                    destroyed(s.terminalId(), s.merchantId(), "DECOMMISSIONED", s);
                }
            }
            case TerminalMasterKeyInstalled i -> terminals.masterKeyInstalled(i.terminalId(), i.merchantId(), i.version(),
                    i.keyScheme(), i.checkValue(), i.occurredAt());
            case TerminalMasterKeyDestroyed d -> {
                terminals.masterKeyDestroyed(d.terminalId(), d.version(), d.occurredAt());
                destroyed(d.terminalId(), d.merchantId(), d.reason(), d);
            }
            case KeyMaterial m when m.state() == KeyState.DESTROYED ->
                    terminals.masterKeyDestroyed(m.terminalId(), m.version(), m.occurredAt());
            case KeyMaterial m -> terminals.masterKeyMaterial(m.terminalId(), m.version(), new KeyBlock(m.lmkId(), m.keyBlock()),
                    m.checkValue(), m.occurredAt());
            default -> throw new IllegalStateException("unexpected event type " + event.type());
        }
        return true;
    }

    private void destroyed(String terminalId, String merchantId, String reason, KeyrailEvent cause) {
        int n = destruction.destroyWorkingKeys(terminalId, merchantId, reason, cause.occurredAt());
        if (n > 0) {
            LOG.info("terminal {}: {} working key version(s) destroyed ({})", terminalId, n, reason);
        }
    }

    /** Registry terminal events, and the key material of master keys; anything else is not this projection's. */
    static boolean concernsProjection(KeyrailEvent event) {
        return switch (event) {
            case TerminalRegistered r -> true;
            case TerminalUpdated u -> true;
            case TerminalStatusChanged s -> true;
            case TerminalMasterKeyInstalled i -> true;
            case TerminalMasterKeyDestroyed d -> true;
            case KeyMaterial m -> m.keyType() == WorkingKeyType.TMK;
            default -> false;
        };
    }
}
