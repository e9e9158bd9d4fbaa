package org.exchangehub.sink.lake;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The Camel component {@code lake:}: delivers a route's {@link org.exchangehub.feed.Batch} bodies to the
 * Parquet lake. Endpoints with the same root and options share one {@link LakeWriter}, so their
 * schemas and run receipts are handled in one place.
 */
public final class LakeComponent extends DefaultComponent {

    /**
     * Exchange property holding a {@code List<LakeFile>}: every file the lake endpoints wrote for the
     * exchange, for the run's receipt and exchange-log entry.
     */
    public static final String LAKE_FILES = org.exchangehub.feed.FeedProperties.RECEIPTS;

    private final ConcurrentMap<WriterKey, LakeWriter> writers = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LakeEndpoint endpoint = new LakeEndpoint(uri, this);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        endpoint.lakeOptions(); // fail fast: an unknown compression or zone stops the route from starting
        return endpoint;
    }

    LakeWriter writer(Path root, LakeOptions options) {
        Path normalized = root.toAbsolutePath().normalize();
        return writers.computeIfAbsent(new WriterKey(normalized, options), k -> new LakeWriter(k.root(), k.options()));
    }

    private record WriterKey(Path root, LakeOptions options) {
    }
}
