package io.keyrail.local;

import io.keyrail.support.security.KeyrailRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keyrail token}: a JWT signed by the embedded run's own issuer, which only the services of
 * that run (that state directory) accept. Prints the token alone, for {@code $(./keyrail token ...)}.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Prints a bearer token from the local run's issuer (only that run's services accept it).",
                "Example: curl -H \"Authorization: Bearer $(./keyrail token --user alice --roles OPERATOR)\" ..."})
final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--user", required = true, description = "The token's subject (sub), e.g. alice.")
    String user;

    @Option(names = "--roles", required = true, split = ",", paramLabel = "ROLE",
            description = "Comma-separated: OPERATOR, CUSTODIAN, APPROVER, AUDITOR, POSP.")
    List<String> roles;

    @Option(names = "--ttl", defaultValue = "PT1H", description = "Lifetime, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    @Option(names = "--state-dir", description = "The local run's state directory (default: .keyrail/local).")
    Path stateDir;

    @Override
    public Integer call() {
        if (user.isBlank()) {
            throw new IllegalArgumentException("--user must not be blank");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("--ttl must be positive, e.g. PT1H");
        }
        List<String> names = roles.stream().map(r -> role(r).name()).distinct().toList();
        String token = StateDirectory.of(stateDir).issuer().issue(user, names, ttl);
        spec.commandLine().getOut().println(token);
        return 0;
    }

    private static KeyrailRole role(String name) {
        try {
            return KeyrailRole.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name + "' for --roles: one of "
                    + Arrays.stream(KeyrailRole.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
