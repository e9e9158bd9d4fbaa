package org.exchangehub.unify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.exchangehub.feed.MappedColumns;
import org.exchangehub.feed.SourceExpectations;
import org.exchangehub.mapping.FieldMapping;
import org.exchangehub.mapping.Mapping;

/**
 * Finds a feed's mapping in its route ({@code kamelet:unified-mapping-action?mapping=NAME} or {@code unify:NAME}
 * among the route's steps) and tells the source which columns it reads, for the schema check before each run.
 */
public final class RouteMappings implements SourceExpectations {

    private static final String ACTION = "kamelet:unified-mapping-action";
    private static final String UNIFY = "unify:";

    private final FeedMappings mappings;

    public RouteMappings(FeedMappings mappings) {
        this.mappings = mappings;
    }

    @Override
    public Optional<MappedColumns> of(CamelContext context, String feedId) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        RouteDefinition route = model == null || feedId == null ? null : model.getRouteDefinition(feedId);
        String name = route == null ? null : mappingIn(context, route.getOutputs());
        if (name == null || !mappings.names().contains(name)) {
            return Optional.empty();
        }
        Mapping mapping = mappings.current(name).mapping();
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (FieldMapping f : mapping.fields()) {
            if (f.from() != null) {
                byColumn.merge(f.from(), f.field(), (a, b) -> a + ", " + b);
            }
        }
        if (mapping.changeTime() != null) {
            byColumn.merge(mapping.changeTime(), "the change time (change_time)", (a, b) -> a + ", " + b);
        }
        return Optional.of(new MappedColumns(name, mapping.file(), byColumn));
    }

    private static String mappingIn(CamelContext context, List<ProcessorDefinition<?>> outputs) {
        for (ProcessorDefinition<?> p : outputs) {
            if (p instanceof SendDefinition<?> send && send.getEndpointUri() != null) {
                String name = mappingOf(context.resolvePropertyPlaceholders(send.getEndpointUri()));
                if (name != null) {
                    return name;
                }
            }
            String nested = mappingIn(context, p.getOutputs());
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    /** The mapping name in a step's URI, or null when the step is no mapping step. */
    static String mappingOf(String uri) {
        String u = uri.strip();
        if (u.startsWith(UNIFY)) {
            String rest = u.substring(UNIFY.length()).replaceFirst("^//", "");
            int q = rest.indexOf('?');
            return q < 0 ? rest : rest.substring(0, q);
        }
        if (u.startsWith(ACTION)) {
            int q = u.indexOf('?');
            if (q < 0) {
                return null;
            }
            for (String pair : u.substring(q + 1).split("&")) {
                if (pair.startsWith("mapping=")) {
                    return URLDecoder.decode(pair.substring("mapping=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }
}
