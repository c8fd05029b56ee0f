package io.keyrail.deploy;

/** The services the deployment files run: the name they have there (compose service, Deployment) and their module. */
enum DeployedService {
    TERMINAL_REGISTRY("terminal-registry", "terminal-registry-service"),
    KEY_ROTATION("key-rotation", "key-rotation-service");

    final String name;
    final String module;

    DeployedService(String name, String module) {
        this.name = name;
        this.module = module;
    }
}
