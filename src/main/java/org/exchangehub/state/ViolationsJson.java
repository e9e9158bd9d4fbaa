package org.exchangehub.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.Violation;

/**
 * Writes and reads a rejection's violations as the quarantine's JSON text,
 * {@code [{"field":…,"reason":…,"detail":…}]}; reader and writer are built once and shared (thread-safe).
 */
final class ViolationsJson {

    private static final TypeReference<List<Violation>> TYPE = new TypeReference<>() {
    };

    private final ObjectWriter writer;
    private final ObjectReader reader;

    ViolationsJson() {
        ObjectMapper mapper = new ObjectMapper();
        this.writer = mapper.writerFor(TYPE);
        this.reader = mapper.readerFor(TYPE);
    }

    String write(List<Violation> violations) {
        try {
            return writer.writeValueAsString(violations);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write violations as JSON", e);
        }
    }

    List<Violation> read(String json) {
        try {
            return List.copyOf(reader.<List<Violation>>readValue(json));
        } catch (IOException e) {
            throw new UncheckedIOException("the quarantine holds violations that are not valid JSON", e);
        }
    }

    /** The distinct reason codes in the order they first occur, comma-joined: the quarantine's filter column. */
    static String reasonCodes(List<Violation> violations) {
        EnumSet<ReasonCode> seen = EnumSet.noneOf(ReasonCode.class);
        StringBuilder sb = new StringBuilder(32);
        for (Violation violation : violations) {
            if (seen.add(violation.reason())) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(violation.reason().name());
            }
        }
        return sb.toString();
    }
}
