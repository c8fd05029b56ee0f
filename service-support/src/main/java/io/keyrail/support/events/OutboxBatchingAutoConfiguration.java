package io.keyrail.support.events;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opt-in ({@code keyrail.events.batched-writes=true}): the outbox inserts a transaction's
 * publications with one statement and writes completions in batches
 * ({@link BatchingEventPublicationRepository}), for services whose event rate exceeds what a
 * statement and a commit per event allow. Best with {@code spring.modulith.events.completion-mode=delete}.
 */
@AutoConfiguration(beforeName = "org.springframework.modulith.events.jackson.JacksonEventSerializationConfiguration")
@ConditionalOnBooleanProperty("keyrail.events.batched-writes")
public class OutboxBatchingAutoConfiguration {

    /** Serializes outbox events as Modulith's Jackson serializer would, without a bean lookup per event. */
    @Bean
    @ConditionalOnMissingBean(EventSerializer.class)
    EventSerializer outboxEventSerializer(ObjectProvider<JsonMapper> mappers) {
        return new OutboxEventSerializer(mappers);
    }

    @Bean
    static BatchingInstaller batchingEventPublicationInstaller(ObjectProvider<PlatformTransactionManager> transactions,
                                                               ObjectProvider<JdbcTemplate> jdbc,
                                                               ObjectProvider<EventSerializer> serializer,
                                                               Environment environment) {
        return new BatchingInstaller(transactions, jdbc, serializer, environment);
    }

    /**
     * Wraps Modulith's repository bean when it is created; on shutdown, once the web server and
     * the listeners have stopped (the last lifecycle phase), writes the completions still queued.
     */
    static final class BatchingInstaller implements BeanPostProcessor, SmartLifecycle {

        private final ObjectProvider<PlatformTransactionManager> transactions;
        private final ObjectProvider<JdbcTemplate> jdbc;
        private final ObjectProvider<EventSerializer> serializer;
        private final Environment environment;
        private volatile BatchingEventPublicationRepository installed;
        private volatile boolean running;

        BatchingInstaller(ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<JdbcTemplate> jdbc,
                          ObjectProvider<EventSerializer> serializer, Environment environment) {
            this.transactions = transactions;
            this.jdbc = jdbc;
            this.serializer = serializer;
            this.environment = environment;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
            if (bean instanceof EventPublicationRepository repository && !(bean instanceof BatchingEventPublicationRepository)) {
                boolean delete = "delete".equalsIgnoreCase(
                        environment.getProperty("spring.modulith.events.completion-mode", "update"));
                installed = new BatchingEventPublicationRepository(repository, jdbc.getObject(), serializer.getObject(),
                        new TransactionTemplate(transactions.getObject()), delete);
                return installed;
            }
            return bean;
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            if (installed != null) {
                installed.close();
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MIN_VALUE;
        }
    }
}
