package io.keyrail.rotation;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The key rotation service: signs terminals in (CUP 0800/0810 field 62) from its own projection of
 * the terminal registry's events, keeps every issued key version, and publishes key events through
 * the transactional outbox. Its configuration file is {@code key-rotation-service.yml}, so it can
 * share a JVM with the other services.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KeyRotationApplication {

    /** The configuration name: {@code key-rotation-service.yml}. */
    public static final String CONFIG_NAME = "key-rotation-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(KeyRotationApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
