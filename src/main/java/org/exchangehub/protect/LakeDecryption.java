package org.exchangehub.protect;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.exchangehub.sink.lake.LakeRows;
import org.exchangehub.state.StateStore;

/**
 * A lake file back in clear for an authorized operator: one JSON object per row (columns in file order), every SM4
 * token decrypted, pseudonyms left as they are. The audit trail ({@code hub_audit}) records who, which file and
 * why before anything is decrypted.
 */
public final class LakeDecryption {

    /** The audit trail's action of a decryption. */
    public static final String AUDIT_ACTION = "lake.decrypt";

    private final FieldProtection protection;
    private final StateStore state;

    public LakeDecryption(FieldProtection protection, StateStore state) {
        this.protection = protection;
        this.state = state;
    }

    /** How much a decryption wrote. */
    public record Result(long rows, long decrypted) {
    }

    /**
     * Writes the file's rows as JSON lines to {@code out}.
     *
     * @param principal who, e.g. {@code kit:<OS user>}
     * @param reason    why, as the operator gave it
     * @throws ProtectionException when a token was modified or its key is not configured (the row and field are
     *                             named, never a value)
     */
    public Result decrypt(Path lakeFile, OutputStream out, String principal, String reason) throws IOException {
        state.audit(principal, AUDIT_ACTION, lakeFile.toAbsolutePath().normalize().toString(), reason);
        long[] decrypted = {0};
        long[] row = {0};
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        long rows = LakeRows.read(lakeFile, values -> {
            row[0]++;
            try {
                writeRow(json, values, row[0], decrypted);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        json.flush();
        return new Result(rows, decrypted[0]);
    }

    private void writeRow(JsonGenerator json, Map<String, Object> values, long row, long[] decrypted)
            throws IOException {
        Object dataset = values.get("_dataset");
        json.writeStartObject();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            json.writeFieldName(e.getKey());
            if (v == null) {
                json.writeNull();
            } else if (v instanceof String s && FieldProtection.isToken(s)) {
                try {
                    json.writeString(protection.decrypt(String.valueOf(dataset), e.getKey(), s));
                } catch (ProtectionException failed) {
                    throw new ProtectionException("row " + row + ", " + failed.getMessage(), failed);
                }
                decrypted[0]++;
            } else if (v instanceof BigDecimal d) {
                json.writeNumber(d);
            } else if (v instanceof Number n) {
                json.writeNumber(n.longValue());
            } else if (v instanceof Boolean b) {
                json.writeBoolean(b);
            } else {
                json.writeString(v.toString());
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
