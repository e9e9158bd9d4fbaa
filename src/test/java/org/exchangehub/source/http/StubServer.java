package org.exchangehub.source.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP(S) server on 127.0.0.1 and a free port for a test: handlers by path, and every request it received
 * (method, path with query, headers, body) for the test to check.
 */
final class StubServer implements AutoCloseable {

    /** A request as the server saw it. */
    record Request(String method, URI uri, Headers headers, String body) {

        String query() {
            return uri.getRawQuery() == null ? "" : uri.getRawQuery();
        }

        String param(String name) {
            for (String pair : query().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    /** A handler's answer. */
    record Response(int status, String contentType, String body, Map<String, String> headers) {

        static Response json(String body) {
            return new Response(200, "application/json", body, Map.of());
        }

        static Response status(int status) {
            return new Response(status, "text/plain", "", Map.of());
        }

        Response header(String name, String value) {
            java.util.Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Response(status, contentType, body, h);
        }
    }

    interface Handler {
        Response handle(Request request) throws Exception;
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private StubServer(HttpServer server) {
        this.server = server;
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static StubServer http() throws IOException {
        return new StubServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    static StubServer https(SSLContext tls) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new StubServer(s);
    }

    StubServer on(String path, Handler handler) {
        server.createContext(path, exchange -> serve(exchange, handler));
        return this;
    }

    String url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.uri().getPath().equals(path)).toList();
    }

    private void serve(HttpExchange exchange, Handler handler) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(),
                exchange.getRequestHeaders(), body);
        requests.add(request);
        Response response;
        try {
            response = handler.handle(request);
        } catch (Exception e) {
            response = new Response(599, "text/plain", e.toString(), Map.of());
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Counts requests to a path without answering anything useful: the canary of the XXE test. */
    static Handler counting(AtomicInteger counter) {
        return r -> {
            counter.incrementAndGet();
            return Response.status(404);
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
