package io.tacit.schedule;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health} (200 while the serve loop runs, 503 once it stopped) and {@code GET /metrics} (Prometheus
 * text format) on the JDK's own HTTP server. Nothing else is served and nothing secret is shown.
 */
public final class HealthServer implements AutoCloseable {
    private final HttpServer server;

    public HealthServer(String host, int port, ServeLoop loop) throws IOException {
        requireNonNull(loop, "loop is null");
        server = HttpServer.create(new InetSocketAddress(requireNonNull(host, "host is null"), port), 0);
        server.createContext("/health", exchange -> {
            boolean healthy = loop.alive() && !loop.stopRequested();
            String body = "{\"status\":\"" + (healthy ? "ok" : "stopping") + "\",\"running\":"
                    + loop.metrics().running() + "}\n";
            answer(exchange, healthy ? 200 : 503, "application/json", body);
        });
        server.createContext("/metrics", exchange ->
                answer(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", loop.metrics().prometheus()));
        server.start();
    }

    /** The port actually bound (useful when 0 asked for any free port). */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
