package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.support.hsm.HsmProperties;
import io.keyrail.support.security.SecurityProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ServiceEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void theEnvironmentGivenToAServiceBindsToItsLmkAndIssuerProperties() {
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        state.prepare();
        LocalService registry = LocalService.named("terminal-registry").orElseThrow();

        Binder binder = binderOver(ServiceEnvironment.of(registry, state, "localhost:9092",
                "jdbc:postgresql://localhost:5433/terminal_registry"));

        HsmProperties hsm = binder.bind("keyrail.hsm", HsmProperties.class).get();
        assertThat(hsm.lmkKeystore()).isEqualTo(state.lmkKeystore());
        assertThat(hsm.lmkPassword()).isEqualTo(LocalLmk.password(state.lmkPassword()));
        assertThat(binder.bind("keyrail.security", SecurityProperties.class).get().localIssuerPublicKey())
                .isEqualTo(state.issuerPublicKey());
        assertThat(binder.bind("server.port", Integer.class).get()).isEqualTo(8081);
        assertThat(binder.bind("spring.datasource.url", String.class).get())
                .isEqualTo("jdbc:postgresql://localhost:5433/terminal_registry");
        assertThat(binder.bind("spring.kafka.bootstrap-servers", String.class).get()).isEqualTo("localhost:9092");
    }

    @Test
    void theEnvFileForAnIdeIsReadableByItsOwnerOnly() throws Exception {
        StateDirectory state = new StateDirectory(dir.resolve("state"));
        state.prepare();
        LocalService registry = LocalService.named("terminal-registry").orElseThrow();

        Path file = ServiceEnvironment.write(state.serviceEnvironment(registry.name()), ServiceEnvironment.of(
                registry, state, "localhost:9092", "jdbc:postgresql://localhost:5433/terminal_registry"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file)).contains("SERVER_PORT=8081",
                "KEYRAIL_HSM_LMKKEYSTORE=" + state.lmkKeystore());
    }

    private static Binder binderOver(Map<String, String> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(environment)));
        ConfigurationPropertySources.attach(env);
        return Binder.get(env);
    }
}
