package org.exchangehub.source.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real forward proxy on 127.0.0.1 and a free port for a test: plain HTTP requests in absolute form are sent on to
 * the service, HTTPS goes through a CONNECT tunnel (the TLS runs end to end between the source and the service),
 * and with credentials it answers 407 to a request without the right {@code Proxy-Authorization}. It records every
 * request it let through.
 *
 * <p>Built on the JDK (sockets for the tunnel, {@link HttpClient} for the forwarding) rather than MockServer:
 * mockserver-netty 7.6.0 is built on Jackson 2.22, Netty 4.2 and commons-lang3 3.18+ ({@code Strings}) and fails
 * at run time against Spring Boot 3.5.7's Jackson 2.19, Netty 4.1 and commons-lang3 3.17; raising those would change
 * the hub's own runtime. Jetty's proxy module is not served here.
 */
public final class ForwardProxy implements AutoCloseable {

    /** A request the proxy let through: its method, its target as sent (absolute URI or host:port) and headers. */
    public record Seen(String method, String target, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "transfer-encoding", "proxy-authorization", "proxy-connection", "te", "trailer");

    public final List<Seen> forwarded = new CopyOnWriteArrayList<>();
    final List<Seen> refused = new CopyOnWriteArrayList<>();
    private final String expectedAuthorization;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ForwardProxy(String username, String password) throws IOException {
        expectedAuthorization = username == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** A proxy that lets every request through. */
    public static ForwardProxy open() throws IOException {
        return new ForwardProxy(null, null);
    }

    /** A proxy that answers 407 unless the request carries these basic credentials. */
    public static ForwardProxy withAuthentication(String username, String password) throws IOException {
        return new ForwardProxy(username, password);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The source options that send the requests through this proxy. */
    String options() {
        return "proxyHost=127.0.0.1&proxyPort=" + port();
    }

    /** The plain requests the proxy forwarded to a URL on {@code path}. */
    List<Seen> forwardedTo(String path) {
        return forwarded.stream().filter(s -> !s.method().equals("CONNECT")
                && URI.create(s.target()).getPath().equals(path)).toList();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String line = readLine(in);
                if (line == null || line.isEmpty()) {
                    return;
                }
                String[] parts = line.split(" ");
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                Seen seen = new Seen(parts[0], parts[1], headers);
                if (expectedAuthorization != null && !expectedAuthorization.equals(seen.header("Proxy-Authorization"))) {
                    refused.add(seen);
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic"
                            + " realm=\"gov-proxy\"\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                forwarded.add(seen);
                if (seen.method().equals("CONNECT")) {
                    tunnel(seen.target(), in, out);
                    return;
                }
                forward(seen, body, out);
            }
        } catch (IOException | InterruptedException e) {
            // the client or the service went away: the test sees it in its own result
        }
    }

    private void tunnel(String target, InputStream in, OutputStream out) throws IOException {
        int colon = target.lastIndexOf(':');
        try (Socket upstream = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)))) {
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            threads.execute(() -> {
                try {
                    upstream.getInputStream().transferTo(out);
                } catch (IOException ended) {
                    // the tunnel closed
                }
            });
            in.transferTo(upstream.getOutputStream());
        }
    }

    private void forward(Seen seen, byte[] body, OutputStream out) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(seen.target()))
                .method(seen.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        seen.headers().forEach((name, value) -> {
            if (!NOT_FORWARDED.contains(name)) {
                request.header(name, value);
            }
        });
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.statusCode()).append(" Forwarded\r\n");
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
            }
        });
        head.append("Content-Length: ").append(response.body().length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
