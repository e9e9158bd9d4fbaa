package org.exchangehub.sink.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.DryRun;

/**
 * Writes the exchange's {@link Batch} body to the lake and adds the file written to the exchange
 * property {@link LakeComponent#LAKE_FILES}; a failure fails the exchange, so the source commits nothing.
 */
final class LakeProducer extends DefaultProducer {

    private final LakeWriter writer;

    LakeProducer(LakeEndpoint endpoint, LakeWriter writer) {
        super(endpoint);
        this.writer = writer;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (DryRun.isDryRun(exchange)) {
            return; // a dry run delivers nothing
        }
        Batch batch = exchange.getIn().getMandatoryBody(Batch.class);
        Optional<LakeFile> file = writer.write(batch);
        if (file.isPresent()) {
            @SuppressWarnings("unchecked")
            List<LakeFile> files = exchange.getProperty(LakeComponent.LAKE_FILES, List.class);
            if (files == null) {
                files = new ArrayList<>();
                exchange.setProperty(LakeComponent.LAKE_FILES, files);
            }
            files.add(file.get());
        }
    }
}
