package io.keyrail.registry.masterkey;

import io.keyrail.events.EventType;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.events.material.KeyMaterial;
import io.keyrail.events.terminal.TerminalMasterKeyDestroyed;
import io.keyrail.registry.terminal.Terminal;
import io.keyrail.registry.terminal.TerminalKeys;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Holds terminals' master keys for the terminal lifecycle: whether one is installed, and its
 * destruction on decommissioning. Destroying deletes the key block and every component still
 * sealed, and publishes {@link TerminalMasterKeyDestroyed} (public) and the TMK's
 * {@link KeyMaterial} with state {@link KeyState#DESTROYED} (internal), so key rotation and the
 * data plane drop it too.
 */
@Component
class MasterKeyCustody implements TerminalKeys {

    static final String SOURCE = EventType.Source.TERMINAL_REGISTRY;

    private final MasterKeyRepository repository;
    private final ApplicationEventPublisher events;

    MasterKeyCustody(MasterKeyRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Override
    public boolean installed(String terminalId) {
        return repository.find(terminalId).isPresent();
    }

    @Override
    public void destroy(Terminal terminal, Instant at) {
        repository.deleteComponents(terminal.terminalId());
        repository.find(terminal.terminalId()).ifPresent(key -> {
            repository.delete(terminal.terminalId());
            events.publishEvent(new TerminalMasterKeyDestroyed(UUID.randomUUID(), at, terminal.terminalId(),
                    terminal.merchantId(), key.version(), "DECOMMISSIONED"));
            events.publishEvent(new KeyMaterial(UUID.randomUUID(), at, SOURCE, terminal.terminalId(), WorkingKeyType.TMK,
                    key.version(), key.keyBlock().value(), key.keyBlock().lmkId(), key.checkValue(), KeyState.DESTROYED,
                    null));
        });
    }
}
