package io.keyrail.support.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The Kafka cluster's part in readiness ({@code kafka} in each service's readiness group): up when
 * the cluster answers a describe-cluster request within {@link #TIMEOUT}, with its id and number of
 * brokers as details. Never part of liveness: an unreachable broker takes the service out of
 * rotation without restarting it, and its outbox publishes what waited once the broker is back.
 */
public final class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    /**
     * How long one check waits for the cluster before it reports the service not ready. A readiness
     * probe that gives up sooner (Kubernetes' default is 1 s) would never see this answer.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final AdminClient admin;

    /**
     * An admin client of its own on {@code clientConfig} (the service's Kafka settings: brokers,
     * security), its timeouts set to {@link #TIMEOUT} and its client id {@code clientId} unless the
     * settings name one.
     */
    public KafkaHealthIndicator(Map<String, Object> clientConfig, String clientId) {
        super("Kafka health check failed");
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        this.admin = AdminClient.create(config);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(); // bounded by the client's default API timeout, TIMEOUT
        String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
