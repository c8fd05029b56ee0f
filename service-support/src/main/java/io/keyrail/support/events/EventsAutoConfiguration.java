package io.keyrail.support.events;

import io.keyrail.events.KeyrailEvent;
import io.keyrail.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishing through the transactional outbox: every {@link KeyrailEvent} a service publishes with
 * Spring's {@code ApplicationEventPublisher} inside a transaction is recorded in the event
 * publication registry in that transaction, then sent to its Kafka topic by the
 * {@link KafkaEventRelay}, keyed by its record key, with CloudEvents binary-mode headers, in commit
 * order per record key ({@link RecordKeyOrder}). Publications not acknowledged are resubmitted
 * until they are, also after a crash (the registry is in the service's own database).
 */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @SuppressWarnings("unchecked")
    KafkaEventRelay keyrailEventRelay(KafkaTemplate<?, ?> kafka, EventsProperties properties) {
        return new KafkaEventRelay((KafkaTemplate<String, Object>) kafka, properties.source());
    }

    /** Preferred over Modulith's own registry bean: see {@link DirectEventPublicationRegistry}. */
    @Bean
    @Primary
    EventPublicationRegistry keyrailEventPublicationRegistry(EventPublicationRepository repository,
                                                             ObjectProvider<Clock> clock) {
        return new DirectEventPublicationRegistry(
                new DefaultEventPublicationRegistry(repository, clock.getIfAvailable(Clock::systemUTC)));
    }

    @Bean
    RecordKeyOrder keyrailRecordKeyOrder() {
        return new RecordKeyOrder();
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer keyrailProducerSerializers() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KeyrailEventSerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    @Bean
    NewTopic terminalsTopic(EventsProperties p) {
        return TopicBuilder.name(Topics.TERMINALS).partitions(p.partitions()).build();
    }

    @Bean
    NewTopic keysTopic(EventsProperties p) {
        return TopicBuilder.name(Topics.KEYS).partitions(p.partitions()).build();
    }

    @Bean
    NewTopic keyMaterialTopic(EventsProperties p) {
        return TopicBuilder.name(Topics.KEY_MATERIAL).partitions(p.partitions()).compact().build();
    }

    @Bean
    OutboxResubmission outboxResubmission(IncompleteEventPublications publications, EventsProperties properties) {
        return new OutboxResubmission(publications, properties);
    }

    @Bean
    Gauge outboxBacklog(MeterRegistry registry, JdbcTemplate jdbc) {
        return Gauge.builder("keyrail.outbox.backlog", jdbc, j -> {
            Long n = j.queryForObject("select count(*) from event_publication where completion_date is null", Long.class);
            return n == null ? 0 : n;
        }).description("Outbox publications (an event, or a batch of events) committed but not yet acknowledged by Kafka")
                .register(registry);
    }

    /** Sends again the publications Kafka has not acknowledged in time. */
    static final class OutboxResubmission {

        private final IncompleteEventPublications publications;
        private final EventsProperties properties;

        OutboxResubmission(IncompleteEventPublications publications, EventsProperties properties) {
            this.publications = publications;
            this.properties = properties;
        }

        @Scheduled(fixedDelayString = "${keyrail.events.resubmit-interval:PT10S}")
        void resubmit() {
            publications.resubmitIncompletePublicationsOlderThan(properties.resubmitAfter());
        }
    }
}
