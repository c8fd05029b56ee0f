package io.keyrail.deploy;

import static io.keyrail.deploy.DeploymentFiles.DOCKERFILE;
import static io.keyrail.deploy.DeploymentFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Dockerfile packages the jar each service module builds, and no deployment file holds key material. */
class ContainerImageTest {

    @Test
    void theDockerfileCopiesTheJarEachServiceModuleBuilds() {
        String dockerfile = text(DOCKERFILE);
        assertThat(dockerfile).contains("COPY ${SERVICE}/target/${SERVICE}.jar app.jar")
                .contains("java -Djarmode=tools -jar app.jar extract --layers --destination extracted")
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"app.jar\"]")
                .containsPattern("(?m)^USER 10001");
        for (DeployedService service : DeployedService.values()) {
            assertThat(text(ServiceConfiguration.repository().resolve(service.module).resolve("pom.xml")))
                    .as(service.module).contains("<finalName>${project.artifactId}</finalName>");
        }
    }

    @Test
    void noDeploymentFileHoldsWhatCouldBeAKey() {
        // 32 or more hex digits in a row: a TDES or AES key, an LMK, a key block's body.
        Pattern hex = Pattern.compile("[0-9A-Fa-f]{32,}");
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            List<Path> deploymentFiles = files.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(Path.of(".", "target")) && !f.startsWith(Path.of(".", "src")))
                    .toList();
            assertThat(deploymentFiles).hasSizeGreaterThan(6);
            assertThat(deploymentFiles).allSatisfy(f -> assertThat(hex.matcher(text(f)).find()).as(f.toString()).isFalse());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
