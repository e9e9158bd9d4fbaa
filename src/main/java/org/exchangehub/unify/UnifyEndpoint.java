package org.exchangehub.unify;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** Maps every record of a batch with one feed mapping ({@code config/mappings/NAME.yaml}). */
@UriEndpoint(firstVersion = "0.1.0", scheme = "unify", title = "Unified schema mapping", syntax = "unify:mapping",
        producerOnly = true, category = { Category.TRANSFORMATION })
public final class UnifyEndpoint extends DefaultEndpoint {

    @UriPath(description = "The mapping's name: its file name under config/mappings/ without .yaml.")
    @Metadata(required = true)
    private final String mapping;

    @UriParam(defaultValue = "auto", enums = "auto,true,false", description = "Whether records an earlier run"
            + " delivered unchanged (same business key, same record hash) and rejects it quarantined unchanged (same"
            + " source key and raw form) are left out and counted as unchanged. auto: for sources that re-read what"
            + " they gave before (full-load tables, services without a change-time filter, windows read again); not for"
            + " incremental tables, which remember their rows themselves, or file drops, read once per version.")
    private String skipUnchanged = "auto";

    private final FeedMappings mappings;

    UnifyEndpoint(String uri, UnifyComponent component, String mapping, FeedMappings mappings) {
        super(uri, component);
        this.mapping = mapping;
        this.mappings = mappings;
    }

    public String getMapping() {
        return mapping;
    }

    public String getSkipUnchanged() {
        return skipUnchanged;
    }

    public void setSkipUnchanged(String skipUnchanged) {
        String v = skipUnchanged == null ? "auto" : skipUnchanged.trim().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("auto") && !v.equals("true") && !v.equals("false")) {
            throw new org.exchangehub.config.ConfigException("route using unify:" + mapping, "skipUnchanged",
                    skipUnchanged, "is not auto, true or false", "use auto (the default), true or false");
        }
        this.skipUnchanged = v;
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
