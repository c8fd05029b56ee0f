package io.keyrail.support.events;

import io.keyrail.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Consuming events: idempotence by event id, and a dead-letter topic ({@code <topic>.DLT}) for
 * records that cannot be processed. A record that cannot be parsed or validated
 * ({@link RejectedEventException}, {@link IllegalArgumentException}) goes to the DLT at once;
 * other failures are retried a few times first. Either way the consumer goes on with the next
 * record.
 */
@AutoConfiguration(after = EventsAutoConfiguration.class)
public class ConsumingAutoConfiguration {

    @Bean
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    DefaultErrorHandler keyrailErrorHandler(KafkaOperations<Object, Object> kafka) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(200L, 3L));
        handler.addNotRetryableExceptions(RejectedEventException.class, IllegalArgumentException.class);
        return handler;
    }
}
