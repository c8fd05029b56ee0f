package io.keyrail.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Keyrail service the embedded run knows how to start: its name (also its Spring config name and
 * log file), its Maven module, its HTTP port, its own database, and the port of its POSP sign-in
 * listener (key rotation only; 0: none, or turned off).
 */
record LocalService(String name, String module, int port, String database, int pospPort) {

    /** A service without a POSP listener (or with it turned off). */
    LocalService(String name, String module, int port, String database) {
        this(name, module, port, database, 0);
    }

    /** Every service, in start order; a checkout may not have them all yet. */
    static final List<LocalService> ALL = List.of(
            new LocalService("terminal-registry", "terminal-registry-service", 8081, "terminal_registry"),
            new LocalService("key-rotation", "key-rotation-service", 8082, "key_rotation", 8092),
            new LocalService("mac-verify", "mac-verify-service", 8083, "mac_verify"),
            new LocalService("pin-translate", "pin-translate-service", 8084, "pin_translate"));

    static Optional<LocalService> named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name) || s.module.equals(name)).findFirst();
    }

    /** The Boot fat jar the module's build makes: {@code <module>/target/<module>.jar}. */
    Path jar(Path repository) {
        return repository.resolve(module).resolve("target").resolve(module + ".jar");
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** The POSP sign-in listener's URL (key rotation). */
    String pospUrl() {
        if (pospPort == 0) {
            throw new IllegalStateException(name + " runs no POSP listener");
        }
        return "http://localhost:" + pospPort;
    }
}
