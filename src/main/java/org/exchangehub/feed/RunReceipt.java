package org.exchangehub.feed;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    private org.exchangehub.state.Reconciliation reconciliation;

    /** Something the run's operators must know (e.g. a file set aside), kept in the exchange log. */
    void note(String note) {
        notes.add(note);
    }

    /** Marks the run as a replay of another run's rejects. */
    void replayOf(String runId) {
        this.replayOf = runId;
    }

    /** The run's source count against its account, carried by the receipt (null: the source gave no count). */
    void reconciliation(org.exchangehub.state.Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
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
            return JSON.writeValueAsString(new Receipt(batches, deliveries, replayOf, notes.isEmpty() ? null : notes,
                    reconciliation == null ? null : new Counts(reconciliation.outcome().name(),
                            reconciliation.sourceCount(), reconciliation.accounted(), reconciliation.method())));
        } catch (JsonProcessingException e) {
            return "{\"batches\":" + batches + ",\"error\":\"receipt not serialisable\"}";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Receipt(int batches, List<Object> deliveries, String replayOf, List<String> notes,
            Counts reconciliation) {
    }

    /** The reconciliation as the receipt carries it: outcome and both numbers. */
    private record Counts(String outcome, long sourceCount, long accounted, String method) {
    }
}
