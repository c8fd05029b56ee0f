package io.keyrail.deploy;

import static io.keyrail.deploy.DeploymentFiles.COMPOSE;
import static io.keyrail.deploy.DeploymentFiles.document;
import static io.keyrail.deploy.DeploymentFiles.map;
import static io.keyrail.deploy.DeploymentFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The single-host compose file holds to the services: what each service container sets is read by
 * the service and resolves to the compose broker and database (created by the init script for the
 * service's own role), secrets are taken from the operator's {@code .env}, ports are the service's.
 */
class ComposeFileTest {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)[^}]*}");
    private static final Map<String, Object> COMPOSE_FILE = document(COMPOSE);

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void everyVariableIsReadAndTheServiceResolvesItsDependencies(DeployedService service) {
        String name = service.name;
        String module = service.module;
        Map<String, String> variables = variables(name);

        assertThat(variables.keySet()).allSatisfy(v -> assertThat(ServiceConfiguration.isRead(module, v))
                .as("%s sets %s, which %s does not read", name, v, module).isTrue());
        ServiceConfiguration configuration = ServiceConfiguration.of(module, variables);
        String database = ServiceConfiguration.database(module);
        assertThat(configuration.property("spring.datasource.url")).isEqualTo("jdbc:postgresql://postgres:5432/" + database);
        String role = configuration.property("spring.datasource.username");
        assertThat(text(COMPOSE.resolveSibling("postgres-init.sh")))
                .contains("CREATE ROLE " + role + " LOGIN PASSWORD")
                .contains("CREATE DATABASE " + database + " OWNER " + role + ";");
        assertThat(configuration.property("spring.datasource.password")).startsWith("env:");
        assertThat(configuration.property("spring.kafka.bootstrap-servers")).isEqualTo("kafka:9092");
        assertThat(configuration.bound("keyrail.hsm.lmks")).contains("env:KEYRAIL_HSM_LMKS");
        assertThat(configuration.bound("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .contains("env:KEYRAIL_JWT_ISSUER_URI");
    }

    @Test
    void secretsComeFromTheEnvironmentFileWhichIsNotInTheRepository() {
        for (String name : List.of(DeployedService.TERMINAL_REGISTRY.name, DeployedService.KEY_ROTATION.name, "postgres")) {
            Map<String, Object> environment = map(COMPOSE_FILE, "services", name, "environment");
            environment.forEach((variable, value) -> {
                if (variable.endsWith("_LMKS") || variable.endsWith("_PASSWORD")) {
                    assertThat(String.valueOf(value)).as("%s %s", name, variable).matches("\\$\\{[A-Z0-9_]+[^}]*}");
                }
            });
        }
        assertThat(text(Path.of("..", ".gitignore")).lines()).contains(".env");
        assertThat(text(COMPOSE.resolveSibling(".env.example")).lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank()))
                .allSatisfy(l -> assertThat(l).as("example values stay empty").endsWith("="));
    }

    @ParameterizedTest
    @EnumSource(DeployedService.class)
    void publishedPortsAreTheServicesAndTheImageIsItsModule(DeployedService deployed) {
        String module = deployed.module;
        ServiceConfiguration configuration = ServiceConfiguration.defaults(module);
        Map<String, Object> service = map(COMPOSE_FILE, "services", deployed.name);
        @SuppressWarnings("unchecked")
        List<String> ports = (List<String>) service.get("ports");
        String http = configuration.property("server.port");
        assertThat(ports).contains(http + ":" + http);
        if (deployed == DeployedService.KEY_ROTATION) {
            assertThat(ports).contains("8092:8092");
            assertThat(service.get("stop_grace_period")).isEqualTo("30s");
        }
        assertThat((String) service.get("image")).startsWith("keyrail/" + module + ":");
        assertThat(map(service, "depends_on")).containsOnlyKeys("kafka", "postgres");
    }

    /** A service's variables as its container sees them: compose's {@code ${X...}} as {@code env:X}. */
    private static Map<String, String> variables(String name) {
        Map<String, String> variables = new LinkedHashMap<>();
        map(COMPOSE_FILE, "services", name, "environment").forEach((variable, value) -> {
            Matcher m = INTERPOLATION.matcher(String.valueOf(value));
            variables.put(variable, m.matches() ? "env:" + m.group(1) : String.valueOf(value));
        });
        return variables;
    }
}
