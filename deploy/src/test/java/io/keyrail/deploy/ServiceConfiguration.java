package io.keyrail.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * A service's configuration as it will resolve in a container: its own {@code <service>.yml} from
 * the repository, under environment variables a deployment file sets, through Spring Boot's own
 * binding (relaxed names included). Nothing else: no profile, no command line.
 */
record ServiceConfiguration(String module, StandardEnvironment environment) {

    /** Properties the services bind from the environment without a placeholder in their YAML. */
    static final Set<String> BOUND_PROPERTIES = Set.of("keyrail.hsm.lmks", "keyrail.hsm.current-lmk",
            "keyrail.security.local-issuer-public-key", "spring.security.oauth2.resourceserver.jwt.issuer-uri");

    /** Variables read by the JVM, not by the service's configuration. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    static Path repository() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    static Path yaml(String module) {
        return repository().resolve(module).resolve("src/main/resources").resolve(module + ".yml");
    }

    static ServiceConfiguration of(String module, Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.copyOf(variables)));
        try {
            List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load(module,
                    new FileSystemResource(yaml(module)));
            yaml.forEach(sources::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigurationPropertySources.attach(environment);
        return new ServiceConfiguration(module, environment);
    }

    /** The service's configuration with no variable set: the defaults of its YAML. */
    static ServiceConfiguration defaults(String module) {
        return of(module, Map.of());
    }

    /** The name of the service's database, from its default JDBC URL. */
    static String database(String module) {
        String url = defaults(module).property("spring.datasource.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    String property(String name) {
        return environment.getProperty(name);
    }

    Optional<String> bound(String name) {
        return Optional.ofNullable(Binder.get(environment).bind(name, String.class).orElse(null));
    }

    /** Whether {@code variable} alone sets something the service reads: a placeholder of its YAML or a bound property. */
    static boolean isRead(String module, String variable) {
        if (JVM_VARIABLES.contains(variable)) {
            return true;
        }
        String text = DeploymentFiles.text(yaml(module));
        if (text.contains("${" + variable + ":") || text.contains("${" + variable + "}")) {
            return true;
        }
        ServiceConfiguration alone = of(module, Map.of(variable, "probe"));
        return BOUND_PROPERTIES.stream().anyMatch(p -> alone.bound(p).filter("probe"::equals).isPresent());
    }
}
