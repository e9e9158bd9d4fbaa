package org.exchangehub.protect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.catalogue.Protect;
import org.exchangehub.config.ConfigException;
import org.exchangehub.feed.Batch;
import org.exchangehub.mapping.UnifiedRecord;

/**
 * Protects the personal fields of mapped batches as the catalogue says ({@code protect: encrypt|pseudonym}), in
 * the mapping step, so that every sink after it (lake, Kafka, warehouse) receives the same protected values; and
 * gives encrypted values back to the decrypt command. Built at start-up, when a catalogue that protects fields
 * without the keys it needs stops the hub.
 */
public final class FieldProtection {

    private final ProtectionKeys keys;
    private final Map<String, ProtectedDataset> datasets = new TreeMap<>();
    private final Sm4Tokens sm4 = new Sm4Tokens();
    private final String activeKeyId;
    private final byte[] activeKey;
    private final Pseudonyms pseudonyms;

    private FieldProtection(ProtectionKeys keys, List<Dataset> protectedDatasets, byte[] activeKey,
            Pseudonyms pseudonyms) {
        this.keys = keys;
        this.activeKeyId = activeKey == null ? null : keys.activeKeyId();
        this.activeKey = activeKey;
        this.pseudonyms = pseudonyms;
        protectedDatasets.forEach(d -> datasets.put(d.name(), new ProtectedDataset(d)));
    }

    /**
     * The protection of a catalogue, its keys checked.
     *
     * @param catalogueDir the catalogue's folder, to name the file in a message
     * @throws ConfigException when a field encrypts without an active SM4 key of 16 bytes, or a field needs a
     *                         pseudonym (its own, or an encrypted business-key field's) without the pseudonym key
     */
    public static FieldProtection of(Catalogue catalogue, Path catalogueDir, ProtectionKeys keys) {
        List<Dataset> protectedDatasets = new ArrayList<>();
        byte[] active = null;
        Pseudonyms pseudonyms = null;
        for (Dataset d : catalogue.datasets()) {
            if (!ProtectedDataset.protects(d)) {
                continue;
            }
            protectedDatasets.add(d);
            String file = catalogueDir.resolve(d.name() + ".yaml").toString();
            for (FieldSpec f : d.fields()) {
                if (f.protect() == Protect.ENCRYPT && active == null) {
                    active = activeKey(keys, file, f);
                }
                boolean needsPseudonym = f.protect() == Protect.PSEUDONYM
                        || f.protect() == Protect.ENCRYPT && d.businessKey().contains(f.name());
                if (needsPseudonym && pseudonyms == null) {
                    pseudonyms = pseudonyms(keys, file, f, d);
                }
            }
        }
        return new FieldProtection(keys, protectedDatasets, active, pseudonyms);
    }

    /** Whether the catalogue's dataset of that name has protected fields. */
    public boolean protects(String dataset) {
        return datasets.containsKey(dataset);
    }

    /** What the start-up log says: the protected fields and the key ids, never a key. */
    public String describe() {
        List<String> fields = new ArrayList<>();
        datasets.values().forEach(p -> p.clear().fields().stream().filter(FieldSpec::isProtected)
                .forEach(f -> fields.add(p.clear().name() + "." + f.name() + " " + f.protect().configName())));
        return fields.isEmpty() ? "none (every field in clear)" : String.join(", ", fields)
                + (activeKeyId == null ? "" : "; new values under key " + activeKeyId);
    }

    /**
     * Replaces the batch's records by their protected form and its dataset by the one the sinks write; a batch of
     * a dataset without protected fields is left as it is.
     */
    public void protect(Batch batch) {
        Dataset dataset = batch.dataset();
        if (dataset == null || !ProtectedDataset.protects(dataset)) {
            return;
        }
        ProtectedDataset plan = datasets.get(dataset.name());
        if (plan == null || !plan.clear().fields().equals(dataset.fields())) {
            // fail closed: a catalogue other than the one whose keys were checked must not deliver in clear
            throw new ProtectionException("dataset " + dataset.name() + " protects fields, but the hub's protection"
                    + " was set up for another catalogue; restart the hub");
        }
        List<UnifiedRecord> out = new ArrayList<>(batch.unified().size());
        for (UnifiedRecord r : batch.unified()) {
            out.add(plan.protect(r, activeKeyId, activeKey, sm4, pseudonyms));
        }
        batch.protectedAs(plan.stored(), out);
    }

    /**
     * The clear value of a token of a field.
     *
     * @throws ProtectionException when the token was modified, is of another field, or its key is not configured
     */
    public String decrypt(String dataset, String field, String token) {
        return Sm4Tokens.decrypt(token, ProtectedDataset.aad(dataset, field), id -> keys.find(id).orElse(null));
    }

    /** Whether a lake value is an SM4 token. */
    public static boolean isToken(String value) {
        return Sm4Tokens.isToken(value);
    }

    private static byte[] activeKey(ProtectionKeys keys, String file, FieldSpec f) {
        String key = "fields." + f.name() + ".protect";
        String id = keys.activeKeyId();
        if (id == null) {
            throw new ConfigException(file, key, "encrypt", "needs an SM4 key, and hub.protection.active-key is not set",
                    "set hub.protection.active-key (e.g. sm4-1) and give that key as " + keys.where("sm4-1")
                            + ", 16 bytes");
        }
        byte[] bytes = keys.find(id).orElseThrow(() -> new ConfigException(file, key, "encrypt",
                "needs the active SM4 key '" + id + "', which is not configured", "give it as " + keys.where(id)
                        + ", 16 bytes"));
        if (bytes.length != Sm4Tokens.KEY_BYTES) {
            throw new ConfigException(file, key, "encrypt", "the active SM4 key '" + id + "' has " + bytes.length
                    + " bytes, SM4 takes " + Sm4Tokens.KEY_BYTES, "make a 128-bit key, e.g. keytool -genseckey"
                    + " -keyalg AES -keysize 128 -alias " + id + ", or openssl rand -base64 16");
        }
        return bytes;
    }

    private static Pseudonyms pseudonyms(ProtectionKeys keys, String file, FieldSpec f, Dataset d) {
        String key = "fields." + f.name() + ".protect";
        String id = keys.pseudonymKeyId();
        String why = f.protect() == Protect.PSEUDONYM ? "needs the pseudonym key '" + id + "'"
                : "is in the business key of " + d.name() + ", which is keyed by its pseudonym: it needs the"
                        + " pseudonym key '" + id + "'";
        byte[] bytes = keys.find(id).orElseThrow(() -> new ConfigException(file, key, f.protect().configName(),
                why + ", which is not configured", "give it as " + keys.where(id) + ", at least "
                        + Pseudonyms.MIN_KEY_BYTES + " bytes"));
        if (bytes.length < Pseudonyms.MIN_KEY_BYTES) {
            throw new ConfigException(file, key, f.protect().configName(), "the pseudonym key '" + id + "' has "
                    + bytes.length + " bytes", "make one of at least " + Pseudonyms.MIN_KEY_BYTES
                    + " bytes, e.g. keytool -genseckey -keyalg HmacSHA256 -keysize 256 -alias " + id);
        }
        return new Pseudonyms(bytes);
    }

    @Override
    public String toString() {
        return "FieldProtection[" + describe() + "]";
    }
}
