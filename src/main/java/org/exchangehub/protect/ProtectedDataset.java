package org.exchangehub.protect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.catalogue.FieldType;
import org.exchangehub.catalogue.Protect;
import org.exchangehub.mapping.UnifiedRecord;

/**
 * One dataset as the sinks see it once its personal fields are protected: every protected field a string
 * (a token is unbounded, a pseudonym 64 hex characters), and each record's business key made of the protected key
 * values, with the pseudonym standing for an encrypted key field, so that Kafka keys and warehouse upserts stay
 * deterministic. The record hash stays the one of the clear values (unchanged-record detection).
 */
final class ProtectedDataset {

    private final Dataset clear;
    private final Dataset stored;
    private final Protect[] protect;
    private final boolean[] idNumber;
    private final String[] aad;
    private final int[] keyIndexes;
    private final boolean keyProtected;

    ProtectedDataset(Dataset clear) {
        this.clear = clear;
        List<FieldSpec> fields = clear.fields();
        protect = new Protect[fields.size()];
        idNumber = new boolean[fields.size()];
        aad = new String[fields.size()];
        List<FieldSpec> storedFields = new ArrayList<>(fields.size());
        for (int i = 0; i < protect.length; i++) {
            FieldSpec f = fields.get(i);
            protect[i] = f.protect();
            idNumber[i] = "id_number".equals(f.rule());
            aad[i] = clear.name() + "." + f.name();
            storedFields.add(f.isProtected() ? stored(f) : f);
        }
        stored = new Dataset(clear.name(), clear.title(), clear.businessKey(), storedFields);
        keyIndexes = clear.businessKey().stream().mapToInt(clear::indexOf).toArray();
        keyProtected = clear.businessKey().stream().map(clear::field).anyMatch(FieldSpec::isProtected);
    }

    /** Whether any field of the dataset is protected. */
    static boolean protects(Dataset dataset) {
        return dataset.fields().stream().anyMatch(FieldSpec::isProtected);
    }

    Dataset clear() {
        return clear;
    }

    /** The dataset the sinks write: protected fields as strings. */
    Dataset stored() {
        return stored;
    }

    /** The associated data of a field's tokens. */
    static String aad(String dataset, String field) {
        return dataset + "." + field;
    }

    UnifiedRecord protect(UnifiedRecord record, String keyId, byte[] key, Sm4Tokens sm4, Pseudonyms pseudonyms) {
        Object[] in = record.values();
        Object[] out = in.clone();
        for (int i = 0; i < in.length; i++) {
            if (in[i] == null || protect[i] == Protect.CLEAR) {
                continue;
            }
            String text = text(in[i]);
            out[i] = protect[i] == Protect.ENCRYPT ? sm4.encrypt(keyId, key, aad[i], text)
                    : pseudonyms.of(text, idNumber[i]);
        }
        String joined = keyProtected ? businessKey(in, out, pseudonyms) : record.businessKey();
        return record.withValues(out, joined);
    }

    /** As the mapping joins it ({@code |} between key values, empty for null), from the deterministic values. */
    private String businessKey(Object[] clearValues, Object[] protectedValues, Pseudonyms pseudonyms) {
        StringBuilder sb = new StringBuilder(72 * keyIndexes.length);
        for (int k = 0; k < keyIndexes.length; k++) {
            int i = keyIndexes[k];
            if (k > 0) {
                sb.append('|');
            }
            if (clearValues[i] == null) {
                continue;
            }
            sb.append(protect[i] == Protect.ENCRYPT ? pseudonyms.of(text(clearValues[i]), idNumber[i])
                    : text(protectedValues[i]));
        }
        return sb.toString();
    }

    /** The text that is encrypted or pseudonymized: ISO dates, plain decimals. */
    static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private static FieldSpec stored(FieldSpec f) {
        int length = f.protect() == Protect.PSEUDONYM ? Pseudonyms.LENGTH : 0;
        return new FieldSpec(f.name(), FieldType.STRING, length, 0, 0, f.required(), f.sensitive(), f.rule(), null,
                java.util.Map.of(), f.description(), f.protect());
    }
}
