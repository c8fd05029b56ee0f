package io.keyrail.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands in for a service jar in the tests of the embedded run: answers its readiness probe on
 * {@code SERVER_PORT} and shows the settings it was given at {@code /env}; with {@code FAKE_EXIT}
 * set, it fails at start-up with that exit code, as a misconfigured service would.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        String exit = System.getenv("FAKE_EXIT");
        if (exit != null) {
            System.out.println("boom: the fake service was told to fail");
            System.exit(Integer.parseInt(exit));
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/actuator/health/readiness", x -> respond(x, "{\"status\":\"UP\"}"));
        server.createContext("/env", x -> {
            Map<String, String> settings = new TreeMap<>();
            System.getenv().forEach((k, v) -> {
                if (k.startsWith("SPRING_") || k.startsWith("KEYRAIL_") || k.startsWith("SERVER_")) {
                    settings.put(k, v);
                }
            });
            StringBuilder body = new StringBuilder();
            settings.forEach((k, v) -> body.append(k).append('=').append(v).append('\n'));
            respond(x, body.toString());
        });
        server.start();
        System.out.println("fake service listening on " + port);
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
