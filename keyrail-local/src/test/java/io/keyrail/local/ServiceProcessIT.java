package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessIT {

    @TempDir
    Path dir;

    @Test
    void startsTheServiceJarWithItsSettingsWaitsForReadinessAndStopsIt() throws Exception {
        LocalService service = new LocalService("terminal-registry", "terminal-registry-service", Ports.free(),
                "terminal_registry");
        Path jar = FakeServiceJar.writeTo(dir.resolve("fake.jar"));
        ServiceProcess process = ServiceProcess.start(service, jar,
                Map.of("SERVER_PORT", Integer.toString(service.port()), "SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:1"),
                dir.resolve("terminal-registry.log"), dir);

        assertThat(process.awaitReady(Duration.ofSeconds(30))).isInstanceOf(ServiceProcess.Readiness.Ready.class);
        HttpResponse<String> env = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + "/env")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(env.body()).contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=localhost:1");

        process.requestStop();
        process.awaitStop(Duration.ofSeconds(10));
        assertThat(process.process().isAlive()).isFalse();
        assertThat(process.logTail(5)).contains("fake service listening on " + service.port());
    }

    @Test
    void reportsAServiceThatExitsWhileStartingWithItsExitCodeAndLog() {
        LocalService service = new LocalService("key-rotation", "key-rotation-service", Ports.free(), "key_rotation");
        Path jar = FakeServiceJar.writeTo(dir.resolve("fake.jar"));
        ServiceProcess process = ServiceProcess.start(service, jar,
                Map.of("SERVER_PORT", Integer.toString(service.port()), "FAKE_EXIT", "3"),
                dir.resolve("key-rotation.log"), dir);

        assertThat(process.awaitReady(Duration.ofSeconds(30))).isEqualTo(new ServiceProcess.Readiness.Exited(3));
        assertThat(process.logTail(5)).contains("boom");
    }

    @Test
    void givesUpOnAServiceThatIsNotReadyInTime() {
        LocalService service = new LocalService("mac-verify", "mac-verify-service", Ports.free(), "mac_verify");
        Path jar = FakeServiceJar.writeTo(dir.resolve("fake.jar"));
        // listens elsewhere, so its probe on service.port() never answers
        ServiceProcess process = ServiceProcess.start(service, jar, Map.of("SERVER_PORT", Integer.toString(Ports.free())),
                dir.resolve("mac-verify.log"), dir);
        try {
            assertThat(process.awaitReady(Duration.ofSeconds(2))).isInstanceOf(ServiceProcess.Readiness.TimedOut.class);
        } finally {
            process.requestStop();
            process.awaitStop(Duration.ofSeconds(10));
        }
    }
}
