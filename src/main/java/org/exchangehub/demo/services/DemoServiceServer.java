package org.exchangehub.demo.services;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * The local web server of the demo's simulated department services, on 127.0.0.1 only. A JDK server of its own
 * rather than the hub's Tomcat, so that one-shot mode (which runs without the hub's web server) reaches it too.
 */
public final class DemoServiceServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "demo-services");
        t.setDaemon(true);
        return t;
    });

    DemoServiceServer(int port, DemoServicesProperties settings) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        CivilAffairsApi civilAffairs = new CivilAffairsApi(
                CivilAffairsPeople.generate(settings.persons(), settings.seed()), settings.civilAffairsClientSecret());
        HumanResourcesService humanResources = new HumanResourcesService(
                HumanResourcesEnrolments.generate(settings.enrolments(), settings.seed()),
                settings.humanResourcesPassword(), baseUrl() + HumanResourcesService.PATH);
        server.createContext(CivilAffairsApi.TOKEN_PATH, civilAffairs::token);
        server.createContext(CivilAffairsApi.PERSONS_PATH, civilAffairs::persons);
        server.createContext(HumanResourcesService.PATH, humanResources::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:18090/demo}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/demo";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
