package org.exchangehub.feed;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.camel.Exchange;

/** What the sinks reported for the batches of one run (e.g. lake files with their hashes), as JSON. */
final class RunReceipt {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final List<Object> deliveries = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int batches;
    private String replayOf;

    /** Something the run's operators must know (e.g. a file set aside), kept in the exchange log. */
    void note(String note) {
        notes.add(note);
    }

    /** Marks the run as a replay of another run's rejects. */
    void replayOf(String runId) {
        this.replayOf = runId;
    }

    boolean isReplay() {
        return replayOf != null;
    }

    void add(Exchange exchange) {
        batches++;
        List<?> receipts = exchange.getProperty(FeedProperties.RECEIPTS, List.class);
        if (receipts != null) {
            deliveries.addAll(receipts);
        }
    }

    String toJson() {
        try {
            if (!notes.isEmpty()) {
                return JSON.writeValueAsString(new NotedReceipt(batches, deliveries, replayOf, notes));
            }
            return JSON.writeValueAsString(replayOf == null ? new Receipt(batches, deliveries)
                    : new ReplayReceipt(batches, deliveries, replayOf));
        } catch (JsonProcessingException e) {
            return "{\"batches\":" + batches + ",\"error\":\"receipt not serialisable\"}";
        }
    }

    private record Receipt(int batches, List<Object> deliveries) {
    }

    private record ReplayReceipt(int batches, List<Object> deliveries, String replayOf) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    private record NotedReceipt(int batches, List<Object> deliveries, String replayOf, List<String> notes) {
    }
}
