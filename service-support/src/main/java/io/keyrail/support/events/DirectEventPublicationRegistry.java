package io.keyrail.support.events;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Spring Modulith's event publication registry without its transaction boundaries. Modulith's
 * registry bean opens a new transaction for every state change ({@code REQUIRES_NEW}), so the
 * relay, which runs on the committing thread while that thread still holds its connection, would
 * need a second connection per event, and the Kafka producer's I/O thread one per acknowledgement:
 * under load the pool runs dry and every caller times out. The repository's writes are single
 * statements (or batched, see {@link BatchingEventPublicationRepository}) that need no transaction
 * of their own; {@link #store} still runs in the business transaction, as it must.
 */
final class DirectEventPublicationRegistry implements EventPublicationRegistry, DisposableBean {

    private final DefaultEventPublicationRegistry delegate;

    DirectEventPublicationRegistry(DefaultEventPublicationRegistry delegate) {
        this.delegate = delegate;
    }

    @Override
    public Collection<TargetEventPublication> store(Object event, Stream<PublicationTargetIdentifier> listeners) {
        return delegate.store(event, listeners);
    }

    @Override
    public Collection<TargetEventPublication> findIncompletePublications() {
        return delegate.findIncompletePublications();
    }

    @Override
    public Collection<TargetEventPublication> findIncompletePublicationsOlderThan(Duration duration) {
        return delegate.findIncompletePublicationsOlderThan(duration);
    }

    @Override
    public void markProcessing(Object event, PublicationTargetIdentifier identifier) {
        delegate.markProcessing(event, identifier);
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier targetIdentifier) {
        delegate.markCompleted(event, targetIdentifier);
    }

    @Override
    public void markFailed(Object event, PublicationTargetIdentifier targetIdentifier) {
        delegate.markFailed(event, targetIdentifier);
    }

    @Override
    public void deleteCompletedPublicationsOlderThan(Duration duration) {
        delegate.deleteCompletedPublicationsOlderThan(duration);
    }

    @Override
    public void processIncompletePublications(Predicate<EventPublication> filter,
                                              Consumer<TargetEventPublication> consumer, Duration duration) {
        delegate.processIncompletePublications(filter, consumer, duration);
    }

    @Override
    public void processFailedPublications(ResubmissionOptions options, Consumer<TargetEventPublication> consumer) {
        delegate.processFailedPublications(options, consumer);
    }

    @Override
    public void markStalePublicationsFailed(org.springframework.modulith.events.core.Staleness staleness) {
        delegate.markStalePublicationsFailed(staleness);
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }
}
