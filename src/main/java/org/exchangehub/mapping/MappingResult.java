package org.exchangehub.mapping;

/** The outcome of mapping one source record: exactly one of {@code record} and {@code rejection} is set. */
public record MappingResult(UnifiedRecord record, Rejection rejection) {

    public static MappingResult accepted(UnifiedRecord record) {
        return new MappingResult(record, null);
    }

    public static MappingResult rejected(Rejection rejection) {
        return new MappingResult(null, rejection);
    }

    public boolean isAccepted() {
        return record != null;
    }
}
