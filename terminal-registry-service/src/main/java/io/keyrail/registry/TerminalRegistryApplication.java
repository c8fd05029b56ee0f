package io.keyrail.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The terminal registry: terminals, acquirer profiles, terminal status and the installation of
 * terminal master keys. It publishes terminal events (and the TMK key block, on the internal
 * key-material topic) through the transactional outbox, and learns of sign-ins from key events.
 * Its configuration file is {@code terminal-registry-service.yml}, so it can share a JVM with the
 * other services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TerminalRegistryApplication {

    /** The configuration name: {@code terminal-registry-service.yml}. */
    public static final String CONFIG_NAME = "terminal-registry-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(TerminalRegistryApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
