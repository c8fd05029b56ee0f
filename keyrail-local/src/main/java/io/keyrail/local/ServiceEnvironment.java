package io.keyrail.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a service needs from the embedded run, as environment variables in Spring Boot's relaxed
 * form (dots become underscores, dashes are dropped): its port (and key rotation's POSP listener
 * port, or that listener off), its database, the broker, the LMK keystore and the token issuer's
 * public key.
 */
final class ServiceEnvironment {

    /** The LMK password: secret, so never printed; it is in the 0600 env file. */
    static final String LMK_PASSWORD = "KEYRAIL_HSM_LMKPASSWORD";

    private ServiceEnvironment() {
    }

    static Map<String, String> of(LocalService service, StateDirectory state, String kafkaBootstrap,
                                  String jdbcUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(service.port()));
        if (service.pospPort() > 0) {
            env.put("KEYRAIL_ROTATION_POSPLISTENER_PORT", Integer.toString(service.pospPort()));
        } else {
            env.put("KEYRAIL_ROTATION_POSPLISTENER_ENABLED", "false");
        }
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", LocalPostgres.USER);
        env.put("SPRING_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("KEYRAIL_HSM_LMKKEYSTORE", state.lmkKeystore().toString());
        env.put(LMK_PASSWORD, LocalLmk.password(state.lmkPassword()));
        env.put("KEYRAIL_SECURITY_LOCALISSUERPUBLICKEY", state.issuerPublicKey().toString());
        return env;
    }

    /** Writes {@code env} as {@code NAME=value} lines, readable by the owner only (it holds the LMK password). */
    static Path write(Path file, Map<String, String> env) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            StateDirectory.ownerOnly(file);
            Files.writeString(file, env.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n", "", "\n")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
