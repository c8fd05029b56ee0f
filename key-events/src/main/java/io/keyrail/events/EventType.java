package io.keyrail.events;

import io.keyrail.events.key.KeyDestroyed;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.events.material.KeyMaterial;
import io.keyrail.events.terminal.TerminalMasterKeyDestroyed;
import io.keyrail.events.terminal.TerminalMasterKeyInstalled;
import io.keyrail.events.terminal.TerminalRegistered;
import io.keyrail.events.terminal.TerminalStatusChanged;
import io.keyrail.events.terminal.TerminalUpdated;
import java.util.Optional;

/**
 * Every event type: its CloudEvents type, the service that publishes it, its topic, its payload
 * record and its JSON Schema ({@code schemas/<type>.json} in this module).
 */
public enum EventType {
    TERMINAL_REGISTERED("io.keyrail.terminal.registered.v1", Source.TERMINAL_REGISTRY, Topics.TERMINALS,
            TerminalRegistered.class),
    TERMINAL_UPDATED("io.keyrail.terminal.updated.v1", Source.TERMINAL_REGISTRY, Topics.TERMINALS,
            TerminalUpdated.class),
    TERMINAL_STATUS_CHANGED("io.keyrail.terminal.status-changed.v1", Source.TERMINAL_REGISTRY, Topics.TERMINALS,
            TerminalStatusChanged.class),
    TERMINAL_MASTER_KEY_INSTALLED("io.keyrail.terminal.master-key-installed.v1", Source.TERMINAL_REGISTRY,
            Topics.TERMINALS, TerminalMasterKeyInstalled.class),
    TERMINAL_MASTER_KEY_DESTROYED("io.keyrail.terminal.master-key-destroyed.v1", Source.TERMINAL_REGISTRY,
            Topics.TERMINALS, TerminalMasterKeyDestroyed.class),
    KEY_ISSUED("io.keyrail.key.issued.v1", Source.KEY_ROTATION, Topics.KEYS, KeyIssued.class),
    KEY_DESTROYED("io.keyrail.key.destroyed.v1", Source.KEY_ROTATION, Topics.KEYS, KeyDestroyed.class),
    KEY_MATERIAL("io.keyrail.key.material.v1", null, Topics.KEY_MATERIAL, KeyMaterial.class);

    /** CloudEvents {@code source} of each publishing service. */
    public static final class Source {
        public static final String TERMINAL_REGISTRY = "/keyrail/terminal-registry";
        public static final String KEY_ROTATION = "/keyrail/key-rotation";

        private Source() {
        }
    }

    private final String ceType;
    private final String source;
    private final String topic;
    private final Class<? extends KeyrailEvent> payload;

    EventType(String ceType, String source, String topic, Class<? extends KeyrailEvent> payload) {
        this.ceType = ceType;
        this.source = source;
        this.topic = topic;
        this.payload = payload;
    }

    /** The CloudEvents {@code type}, for example {@code io.keyrail.key.issued.v1}. */
    public String ceType() {
        return ceType;
    }

    /**
     * The CloudEvents {@code source}: fixed for public types; key material is published by the
     * registry (TMK) and by key rotation (working keys), so it names its publisher per event.
     */
    public Optional<String> fixedSource() {
        return Optional.ofNullable(source);
    }

    public String topic() {
        return topic;
    }

    public Class<? extends KeyrailEvent> payload() {
        return payload;
    }

    /** Classpath location of the JSON Schema of this type's payload. */
    public String schemaResource() {
        return "/schemas/" + ceType + ".json";
    }

    /** The {@code ce_dataschema} URI of this type. */
    public String dataSchema() {
        return "urn:keyrail:schema:" + ceType;
    }

    /** The type whose CloudEvents type is {@code ceType}. */
    public static Optional<EventType> ofCeType(String ceType) {
        for (EventType t : values()) {
            if (t.ceType.equals(ceType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
