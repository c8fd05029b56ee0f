package io.keyrail.deploy;

import static io.keyrail.deploy.DeploymentFiles.KUSTOMIZE_BASE;
import static io.keyrail.deploy.DeploymentFiles.document;
import static io.keyrail.deploy.DeploymentFiles.documents;
import static io.keyrail.deploy.DeploymentFiles.list;
import static io.keyrail.deploy.DeploymentFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.events.Topics;
import io.keyrail.support.health.KafkaHealthIndicator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The kustomize base holds to the services: every variable a Deployment sets is read by its
 * service and resolves (through Spring Boot's binding) to the database, broker, LMKs and token
 * issuer; secrets only come from Secrets; ports and probes are the service's; the topics are the
 * event contracts'.
 */
class KubernetesManifestsTest {

    private static final Map<String, Object> KUSTOMIZATION = document(KUSTOMIZE_BASE.resolve("kustomization.yaml"));

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void everyVariableIsReadAndTheServiceResolvesItsDependencies(DeployedService service) {
        String deployment = service.name;
        String module = service.module;
        Map<String, String> variables = variables(container(deployment));

        assertThat(variables.keySet()).allSatisfy(v -> assertThat(ServiceConfiguration.isRead(module, v))
                .as("%s sets %s, which %s does not read", deployment, v, module).isTrue());
        ServiceConfiguration configuration = ServiceConfiguration.of(module, variables);
        ServiceConfiguration defaults = ServiceConfiguration.defaults(module);
        assertThat(configuration.property("spring.datasource.url")).startsWith("jdbc:postgresql://")
                .endsWith("/" + ServiceConfiguration.database(module))
                .isNotEqualTo(defaults.property("spring.datasource.url"));
        assertThat(configuration.property("spring.datasource.username")).startsWith("secret:");
        assertThat(configuration.property("spring.datasource.password")).startsWith("secret:");
        assertThat(configuration.property("spring.kafka.bootstrap-servers"))
                .isEqualTo(configMap().get("KEYRAIL_KAFKA_BOOTSTRAP"))
                .isNotEqualTo(defaults.property("spring.kafka.bootstrap-servers"));
        assertThat(configuration.bound("keyrail.hsm.lmks")).contains("secret:keyrail-lmk/lmks");
        assertThat(configuration.bound("spring.security.oauth2.resourceserver.jwt.issuer-uri")).get().asString()
                .startsWith("https://");
    }

    @Test
    void secretsComeFromSecretsAndNoVariableButTheJvmsHasALiteralValue() {
        for (DeployedService service : DeployedService.values()) {
            String deployment = service.name;
            for (Map<String, Object> variable : list(container(deployment), "env")) {
                String name = (String) variable.get("name");
                if (ServiceConfiguration.JVM_VARIABLES.contains(name)) {
                    continue;
                }
                assertThat(variable).as("%s %s", deployment, name).doesNotContainKey("value").containsKey("valueFrom");
                if (name.endsWith("_LMKS") || name.endsWith("_PASSWORD") || name.endsWith("_USER")) {
                    assertThat(map(variable, "valueFrom")).as("%s %s", deployment, name).containsKey("secretKeyRef");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void portsAndProbesAreTheServices(DeployedService deployed) {
        String deployment = deployed.name;
        String module = deployed.module;
        ServiceConfiguration configuration = ServiceConfiguration.defaults(module);
        Map<String, Object> container = container(deployment);
        Map<String, Integer> ports = list(container, "ports").stream()
                .collect(Collectors.toMap(p -> (String) p.get("name"), p -> (Integer) p.get("containerPort")));
        assertThat(ports).containsEntry("http", Integer.valueOf(configuration.property("server.port")));
        if (deployed == DeployedService.KEY_ROTATION) {
            // PospListenerProperties' default port, which the YAML leaves as it is.
            assertThat(configuration.property("keyrail.rotation.posp-listener.port")).isNull();
            assertThat(ports).containsEntry("posp", 8092);
        }
        assertThat(configuration.property("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(configuration.property("management.endpoint.health.group.liveness.include")).isEqualTo("livenessState");
        assertThat(configuration.property("management.endpoint.health.group.readiness.include")).contains("db", "kafka");
        for (String probe : List.of("startupProbe", "livenessProbe")) {
            assertThat(map(container, probe, "httpGet")).containsEntry("path", "/actuator/health/liveness")
                    .containsEntry("port", "http");
        }
        assertThat(map(container, "readinessProbe", "httpGet")).containsEntry("path", "/actuator/health/readiness")
                .containsEntry("port", "http");
        assertThat(((Number) map(container, "readinessProbe").get("timeoutSeconds")).longValue())
                .as("the readiness probe outlasts the Kafka check's own timeout")
                .isGreaterThan(KafkaHealthIndicator.TIMEOUT.toSeconds());

        Map<String, Object> service = resource(deployment, "Service");
        assertThat(list(service, "spec", "ports")).extracting(p -> p.get("targetPort"))
                .containsExactlyInAnyOrderElementsOf(ports.keySet());
        assertThat(map(resource(deployment, "PodDisruptionBudget"), "spec")).containsEntry("minAvailable", 1);
        assertThat((Integer) map(resource(deployment, "Deployment"), "spec").get("replicas")).isGreaterThan(1);
    }

    @Test
    void aStoppingKeyRotationPodHasTimeToDrainTheListenerAndTheBatcher() {
        // 10 s for the POSP listener's answers (drain-seconds) and up to 10 s for the batcher's batches.
        Map<String, Object> pod = map(resource(DeployedService.KEY_ROTATION.name, "Deployment"), "spec", "template", "spec");
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(20);
    }

    @Test
    void podsRunWithoutPrivilegeOnAReadOnlyRootWithAWritableTmp() {
        for (DeployedService service : DeployedService.values()) {
            String deployment = service.name;
            Map<String, Object> pod = map(resource(deployment, "Deployment"), "spec", "template", "spec");
            assertThat(map(pod, "securityContext")).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
            Map<String, Object> container = container(deployment);
            assertThat(map(container, "securityContext")).containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
            assertThat(list(container, "volumeMounts")).extracting(m -> m.get("mountPath")).contains("/tmp");
        }
    }

    @Test
    void theTopicsAreTheEventContractsWithTheKeyMaterialCompacted() {
        Map<String, Map<String, Object>> topics = new HashMap<>();
        for (Map<String, Object> topic : documents(KUSTOMIZE_BASE.resolve("kafka-topics.yaml"))) {
            assertThat(topic).containsEntry("kind", "KafkaTopic");
            topics.put((String) map(topic, "spec").get("topicName"), topic);
        }
        List<String> contracts = List.of(Topics.TERMINALS, Topics.KEYS, Topics.KEY_MATERIAL);
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(
                contracts.stream().flatMap(t -> Stream.of(t, Topics.deadLetter(t))).toList());
        for (String topic : contracts) {
            Map<String, Object> config = map(topics.get(topic), "spec", "config");
            assertThat(config.get("cleanup.policy")).as(topic)
                    .isEqualTo(topic.equals(Topics.KEY_MATERIAL) ? "compact" : null);
        }
    }

    @Test
    void theKustomizationListsItsFilesAndNamesTheDeploymentsImages() {
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) KUSTOMIZATION.get("resources");
        assertThat(resources).allSatisfy(r -> assertThat(KUSTOMIZE_BASE.resolve(r)).isRegularFile());
        try (Stream<Path> files = Files.list(KUSTOMIZE_BASE)) {
            assertThat(files.map(Path::getFileName).map(Path::toString).filter(f -> !f.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(resources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Object> images = list(KUSTOMIZATION, "images").stream().map(i -> i.get("name")).collect(Collectors.toSet());
        assertThat(images).containsExactlyInAnyOrderElementsOf(
                Stream.of(DeployedService.values()).map(d -> container(d.name).get("image")).toList());
        assertThat(images).containsExactlyInAnyOrderElementsOf(
                Stream.of(DeployedService.values()).map(d -> "keyrail/" + d.module).toList());
    }

    /** The variables as the pod sees them: ConfigMap values resolved, Secrets as {@code secret:<name>/<key>}. */
    private static Map<String, String> variables(Map<String, Object> container) {
        Map<String, String> configMap = configMap();
        Map<String, String> variables = new LinkedHashMap<>();
        for (Map<String, Object> variable : list(container, "env")) {
            String name = (String) variable.get("name");
            if (variable.containsKey("value")) {
                variables.put(name, String.valueOf(variable.get("value")));
                continue;
            }
            Map<String, Object> from = map(variable, "valueFrom");
            if (from.containsKey("secretKeyRef")) {
                Map<String, Object> ref = map(from, "secretKeyRef");
                variables.put(name, "secret:" + ref.get("name") + "/" + ref.get("key"));
            } else {
                Map<String, Object> ref = map(from, "configMapKeyRef");
                assertThat(ref).containsEntry("name", "keyrail-config");
                assertThat(configMap).as("keyrail-config has %s", ref.get("key")).containsKey((String) ref.get("key"));
                variables.put(name, configMap.get((String) ref.get("key")));
            }
        }
        return variables;
    }

    private static Map<String, String> configMap() {
        Map<String, Object> generator = list(KUSTOMIZATION, "configMapGenerator").getFirst();
        assertThat(generator).containsEntry("name", "keyrail-config");
        @SuppressWarnings("unchecked")
        List<String> literals = (List<String>) generator.get("literals");
        return literals.stream().map(l -> l.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    private static Map<String, Object> container(String deployment) {
        List<Map<String, Object>> containers = list(map(resource(deployment, "Deployment"), "spec", "template", "spec"),
                "containers");
        assertThat(containers).hasSize(1);
        return containers.getFirst();
    }

    private static Map<String, Object> resource(String name, String kind) {
        return documents(KUSTOMIZE_BASE.resolve(name + ".yaml")).stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(map(d, "metadata").get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
