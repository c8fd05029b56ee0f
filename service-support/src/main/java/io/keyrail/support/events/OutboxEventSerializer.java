package io.keyrail.support.events;

import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's event serializer: what Spring Modulith's Jackson serializer does (the application's
 * {@link JsonMapper}, JSON text), with the mapper looked up once. Modulith's looks the mapper bean
 * up in the application context on every call, which was about 2.5 % of the sign-in service's CPU
 * samples (one outbox row per sign-in batch).
 */
final class OutboxEventSerializer implements EventSerializer {

    private final Supplier<JsonMapper> mapper;

    OutboxEventSerializer(ObjectProvider<JsonMapper> mappers) {
        this.mapper = SingletonSupplier.of(() -> mappers.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Override
    public Object serialize(Object event) {
        return mapper.get().writeValueAsString(event);
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        return mapper.get().readerFor(type).readValue(serialized.toString());
    }
}
