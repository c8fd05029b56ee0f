package io.keyrail.local;

import io.keyrail.support.security.LocalTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedded run's state, by default {@code .keyrail/local/} in the repository (git-ignored): the
 * LMK keystore and its password, the token issuer's key pair, Kafka's and PostgreSQL's data, the
 * logs, and the broker address for {@code keyrail events tail}.
 *
 * <p>This is a local development install: the LMK and the issuer key are made here, on first run,
 * and protected by file permissions only (owner read/write), not by an HSM or a vault.
 */
record StateDirectory(Path root) {

    /** Where {@code ./keyrail} puts it: {@code $KEYRAIL_HOME/.keyrail/local}, else under the working directory. */
    static StateDirectory byDefault() {
        String home = System.getenv("KEYRAIL_HOME");
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return new StateDirectory(base.resolve(".keyrail").resolve("local").toAbsolutePath().normalize());
    }

    static StateDirectory of(Path root) {
        return root == null ? byDefault() : new StateDirectory(root.toAbsolutePath().normalize());
    }

    Path lmkKeystore() {
        return root.resolve("lmk.p12");
    }

    Path lmkPassword() {
        return root.resolve("lmk.password");
    }

    Path issuerPublicKey() {
        return root.resolve(LocalTokenIssuer.PUBLIC_KEY_FILE);
    }

    Path issuerPrivateKey() {
        return root.resolve(LocalTokenIssuer.PRIVATE_KEY_FILE);
    }

    Path kafkaData() {
        return root.resolve("kafka");
    }

    Path kafkaProperties() {
        return root.resolve("kafka.properties");
    }

    Path postgresData() {
        return root.resolve("pg");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    Path serviceEnvironment(String service) {
        return root.resolve("env").resolve(service + ".env");
    }

    Path pids() {
        return root.resolve("run.pids");
    }

    /**
     * Creates what a first run needs and leaves what exists: the directories, the LMK keystore and
     * the token issuer's key pair.
     */
    void prepare() {
        try {
            Files.createDirectories(root);
            ownerOnly(root);
            Files.createDirectories(logs());
            Files.createDirectories(root.resolve("env"));
            ownerOnly(root.resolve("env"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directory " + root, e);
        }
        LocalLmk.createIfMissing(lmkKeystore(), lmkPassword());
        LocalTokenIssuer.inDirectory(root);
    }

    /** Whether {@code ./keyrail local} has ever run here (the token issuer exists). */
    boolean initialised() {
        return Files.isRegularFile(issuerPrivateKey());
    }

    /** The issuer, or a one-line failure when no local run ever made one here. */
    LocalTokenIssuer issuer() {
        if (!initialised()) {
            throw new CommandFailure("no local run in " + root + ": start ./keyrail local once first"
                    + " (or pass --state-dir)");
        }
        return LocalTokenIssuer.inDirectory(root);
    }

    /**
     * Holds this state directory for one run; a second {@code ./keyrail local} on the same
     * directory is refused instead of fighting over ports and data.
     */
    AutoCloseable lock() {
        try {
            FileChannel channel = FileChannel.open(root.resolve("run.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new CommandFailure("another ./keyrail local is running with " + root
                        + ": stop it first (Ctrl-C in its terminal)");
            }
            FileLock held = lock;
            return () -> {
                held.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeKafkaBootstrap(String bootstrap) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrap);
        try (var out = Files.newBufferedWriter(kafkaProperties())) {
            p.store(out, "Written by ./keyrail local: the broker of the embedded run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bootstrap address the last {@code ./keyrail local} here wrote, if any. */
    Optional<String> kafkaBootstrap() {
        if (!Files.isRegularFile(kafkaProperties())) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(kafkaProperties())) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(p.getProperty("bootstrap.servers"));
    }

    /** Restricts a file or directory to its owner where the file system has POSIX permissions. */
    static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user profile's permissions apply
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
