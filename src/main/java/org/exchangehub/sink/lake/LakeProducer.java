package org.exchangehub.sink.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.DryRun;
import org.exchangehub.feed.FeedProperties;
import org.exchangehub.feed.WriteStage;

/**
 * Writes the exchange's {@link Batch} body to the lake and adds the file written to the exchange
 * property {@link LakeComponent#LAKE_FILES}; a failure fails the exchange, so the source commits nothing.
 * In a pipelined run the write, and the rest of the route after it, runs on the run's {@link WriteStage}
 * (one batch at a time, in batch order) while the caller's thread goes on to map the next batch; a batch
 * after a failed one is not written and fails with that failure, without retries.
 */
final class LakeProducer extends DefaultAsyncProducer {

    private final LakeWriter writer;

    LakeProducer(LakeEndpoint endpoint, LakeWriter writer) {
        super(endpoint);
        this.writer = writer;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (DryRun.isDryRun(exchange)) {
            callback.done(true); // a dry run delivers nothing
            return true;
        }
        WriteStage stage = exchange.getProperty(FeedProperties.WRITE_STAGE, WriteStage.class);
        if (stage == null || stage.isStageThread()) {
            write(exchange);
            callback.done(true);
            return true;
        }
        try {
            stage.hand(() -> {
                write(exchange);
                callback.done(false);
            });
        } catch (RuntimeException earlier) {
            exchange.setException(earlier);
            exchange.getExchangeExtension().setRedeliveryExhausted(true); // an earlier batch's failure stays
            callback.done(true);
            return true;
        }
        return false;
    }

    private void write(Exchange exchange) {
        try {
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
        } catch (Exception | Error e) {
            exchange.setException(e);
        }
    }
}
