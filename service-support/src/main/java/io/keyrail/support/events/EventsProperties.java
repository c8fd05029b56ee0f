package io.keyrail.support.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Event publishing and consumption settings ({@code keyrail.events.*}).
 *
 * @param source           the CloudEvents source of this service, e.g. {@code /keyrail/key-rotation}
 * @param partitions       partitions of the topics this service creates
 * @param resubmitAfter    publications not acknowledged after this long are sent again
 * @param resubmitInterval how often the outbox is checked for such publications
 */
@ConfigurationProperties("keyrail.events")
public record EventsProperties(String source,
                               @DefaultValue("6") int partitions,
                               @DefaultValue("PT30S") Duration resubmitAfter,
                               @DefaultValue("PT10S") Duration resubmitInterval) {
}
