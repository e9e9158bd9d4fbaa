package org.exchangehub.unify;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** Maps every record of a batch with one feed mapping ({@code config/mappings/NAME.yaml}). */
@UriEndpoint(firstVersion = "0.1.0", scheme = "unify", title = "Unified schema mapping", syntax = "unify:mapping",
        producerOnly = true, category = { Category.TRANSFORMATION })
public final class UnifyEndpoint extends DefaultEndpoint {

    @UriPath(description = "The mapping's name: its file name under config/mappings/ without .yaml.")
    @Metadata(required = true)
    private final String mapping;

    private final FeedMappings mappings;

    UnifyEndpoint(String uri, UnifyComponent component, String mapping, FeedMappings mappings) {
        super(uri, component);
        this.mapping = mapping;
        this.mappings = mappings;
    }

    public String getMapping() {
        return mapping;
    }

    @Override
    public Producer createProducer() {
        return new UnifyProducer(this, mappings, mapping);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("unify is a processing step; use it in 'to'");
    }
}
