package org.exchangehub.mapping;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.Derivation;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.config.ConfigException;
import org.exchangehub.feed.SourceLayout;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.standards.IdNumbers;
import org.exchangehub.standards.Text;
import org.exchangehub.standards.Uscc;

/**
 * Maps source records onto a dataset and validates them, as one {@link Mapping} says. Everything that can be
 * decided once (rules, code tables, date patterns, column positions per {@link SourceLayout}) is decided once;
 * per record it only converts values. Thread-safe.
 *
 * <p>Record hash encoding: each business field in schema order as text (strings as is, dates ISO
 * {@code yyyy-MM-dd}, decimals plain with the field's scale), null as U+0000, fields joined with U+001F, UTF-8,
 * SHA-256, lower-case hex.
 */
public final class RecordMapper {

    private static final char NULL_MARK = '\u0000';
    private static final char SEPARATOR = '\u001F';

    private final Mapping mapping;
    private final Dataset dataset;
    private final Clock clock;
    private final FieldConverter[] converters;
    private final Object[] defaults;
    private final String[] from;
    private final Derivation[] derivations;
    private final int[] derivationSource;
    private final int[] keyIndexes;
    private final DivisionCodes divisions;
    private final ThreadLocal<MessageDigest> digest = ThreadLocal.withInitial(RecordMapper::sha256);
    private volatile Columns columns;

    public RecordMapper(Mapping mapping) {
        this(mapping, Clock.systemDefaultZone());
    }

    /** With the clock that decides "today" for the no-future-date rule. */
    public RecordMapper(Mapping mapping, Clock clock) {
        this.mapping = mapping;
        this.dataset = mapping.dataset();
        this.clock = clock;
        this.divisions = mapping.divisionCodes();
        int n = dataset.fields().size();
        converters = new FieldConverter[n];
        defaults = new Object[n];
        from = new String[n];
        derivations = new Derivation[n];
        derivationSource = new int[n];
        for (int i = 0; i < n; i++) {
            FieldSpec spec = dataset.fields().get(i);
            FieldMapping fm = mapping.field(spec.name());
            converters[i] = FieldConverter.of(spec, i, fm, divisions);
            if (fm != null) {
                from[i] = fm.from();
                String d = Text.clean(fm.defaultValue());
                // the loader checked that the default passes the rule
                defaults[i] = d == null ? null : converters[i].text(d, new Row(n, LocalDate.now(clock)));
            }
            derivations[i] = spec.derive() == null ? null : Derivation.of(spec.derive());
            derivationSource[i] = derivations[i] == null ? -1 : dataset.indexOf(derivations[i].sourceField());
        }
        keyIndexes = dataset.businessKey().stream().mapToInt(dataset::indexOf).toArray();
    }

    public Mapping mapping() {
        return mapping;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** Maps and validates one record. */
    public MappingResult map(SourceRecord record) {
        return map(record, columnsFor(record.layout()), LocalDate.now(clock));
    }

    /**
     * Maps a batch: every rejection, and of the valid records the latest version of each business key (by the
     * mapping's change-time column when both versions have comparable values, otherwise by source order).
     */
    public MappedBatch mapAll(List<SourceRecord> records) {
        LocalDate today = LocalDate.now(clock);
        List<UnifiedRecord> out = new ArrayList<>(records.size());
        List<Comparable<Object>> changeTimes = new ArrayList<>(records.size());
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Integer> slots = new HashMap<>(records.size() * 2);
        int superseded = 0;
        for (SourceRecord r : records) {
            Columns cols = columnsFor(r.layout());
            MappingResult result = map(r, cols, today);
            if (!result.isAccepted()) {
                rejections.add(result.rejection());
                continue;
            }
            UnifiedRecord u = result.record();
            Comparable<Object> changed = cols.changeTime < 0 ? null : comparable(r.values()[cols.changeTime]);
            Integer slot = slots.get(u.businessKey());
            if (slot == null) {
                slots.put(u.businessKey(), out.size());
                out.add(u);
                changeTimes.add(changed);
                continue;
            }
            superseded++;
            if (isNotOlder(changed, changeTimes.get(slot))) {
                out.set(slot, u);
                changeTimes.set(slot, changed);
            }
        }
        int warnings = 0;
        for (UnifiedRecord u : out) {
            warnings += u.warnings();
        }
        return new MappedBatch(out, rejections, warnings, superseded);
    }

    private MappingResult map(SourceRecord record, Columns cols, LocalDate today) {
        int n = converters.length;
        Row row = new Row(n, today);
        Object[] values = new Object[n];
        Object[] raw = record.values();
        for (int i = 0; i < n; i++) {
            int c = cols.positions[i];
            Object v = c < 0 ? null : raw[c];
            Object value = null;
            if (v instanceof String s) {
                String cleaned = Text.clean(s);
                value = cleaned == null ? defaults[i] : converters[i].text(cleaned, row);
            } else if (v != null) {
                value = converters[i].object(v, row);
            } else {
                value = defaults[i];
            }
            if (value instanceof String s && converters[i].spec.length() > 0
                    && s.length() > converters[i].spec.length()) {
                row.fail(converters[i], ReasonCode.INVALID_VALUE,
                        "longer than " + converters[i].spec.length() + " characters");
                value = null;
            }
            values[i] = value;
        }
        boolean[] blocked = derive(values, row);
        for (int i = 0; i < n; i++) {
            FieldSpec spec = converters[i].spec;
            if (spec.required() && values[i] == null && !row.failed(i) && !blocked[i]) {
                row.fail(converters[i], ReasonCode.MISSING_REQUIRED,
                        from[i] == null ? "no value and none derivable" : "no value in source column " + from[i]);
            }
        }
        if (row.hasViolations()) {
            return MappingResult.rejected(new Rejection(record.sourceKey(), record.rawForm(), row.violations()));
        }
        return MappingResult.accepted(UnifiedRecord.hashed(record.sourceKey(), values, hash(values),
                businessKey(values), row.warnings(),
                cols.changeTime < 0 ? null : ChangeTimes.toLocalDateTime(raw[cols.changeTime])));
    }

    /** Fills derivable fields; returns the fields left empty only because their source field failed. */
    private boolean[] derive(Object[] values, Row row) {
        boolean[] blocked = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            Derivation d = derivations[i];
            if (d == null || row.failed(i)) {
                continue;
            }
            int src = derivationSource[i];
            if (row.failed(src) || values[src] == null) {
                // a source that failed (or will be reported missing) is the reason; don't report this field too
                blocked[i] = row.failed(src) || converters[src].spec.required();
                continue;
            }
            String basis = (String) values[src];
            switch (d) {
                case SEX_FROM_ID_NUMBER -> {
                    // a source sex that disagrees with the ID is kept as given (spec)
                    if (values[i] == null) {
                        values[i] = IdNumbers.sexCode(basis);
                    }
                }
                case BIRTH_DATE_FROM_ID_NUMBER -> {
                    LocalDate inId = IdNumbers.birthDate(basis);
                    if (values[i] == null) {
                        values[i] = inId;
                    } else if (!inId.equals(values[i])) {
                        row.fail(converters[i], ReasonCode.BIRTH_DATE_MISMATCH,
                                "differs from the birth date inside " + converters[src].spec.name());
                    }
                }
                case DIVISION_FROM_USCC -> {
                    if (values[i] == null) {
                        String code = Uscc.divisionCode(basis);
                        if (divisions.accepts(code)) {
                            values[i] = code;
                        } else {
                            row.warn(); // the source gave none; the hub leaves it empty rather than reject
                        }
                    }
                }
            }
        }
        return blocked;
    }

    private String businessKey(Object[] values) {
        if (keyIndexes.length == 1) {
            return text(values[keyIndexes[0]]);
        }
        StringBuilder sb = new StringBuilder(48);
        for (int k = 0; k < keyIndexes.length; k++) {
            if (k > 0) {
                sb.append('|');
            }
            Object v = values[keyIndexes[k]];
            sb.append(v == null ? "" : text(v));
        }
        return sb.toString();
    }

    /**
     * The record hash, each field's UTF-8 fed to the digest as it is: the same bytes as the UTF-8 of the joined text
     * (the separator between any two fields keeps a character from spanning them), without building that text.
     */
    private byte[] hash(Object[] values) {
        MessageDigest md = digest.get();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                md.update((byte) SEPARATOR);
            }
            if (values[i] == null) {
                md.update((byte) NULL_MARK);
            } else {
                md.update(text(values[i]).getBytes(StandardCharsets.UTF_8));
            }
        }
        return md.digest();
    }

    /** A unified value as text: strings as is, dates ISO, decimals plain. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    private Columns columnsFor(SourceLayout layout) {
        Columns c = columns;
        if (c == null || c.layout != layout) {
            c = resolve(layout);
            columns = c;
        }
        return c;
    }

    private Columns resolve(SourceLayout layout) {
        int[] positions = new int[from.length];
        for (int i = 0; i < from.length; i++) {
            positions[i] = from[i] == null ? -1 : position(layout, from[i], "fields." + dataset.fields().get(i).name() + ".from");
        }
        int change = mapping.changeTime() == null ? -1 : position(layout, mapping.changeTime(), "change_time");
        return new Columns(layout, positions, change);
    }

    private int position(SourceLayout layout, String column, String key) {
        int p = layout.indexOf(column);
        if (p < 0) {
            throw new ConfigException(mapping.file(), key, column, "names a column the source does not have; it has "
                    + layout.columns(), "correct the column name in the mapping or in the source's query");
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object v) {
        return v instanceof Comparable<?> c ? (Comparable<Object>) c : null;
    }

    /** Whether a later record replaces an earlier one: yes unless both change times compare and it is older. */
    private static boolean isNotOlder(Comparable<Object> later, Comparable<Object> earlier) {
        if (later == null || earlier == null || later.getClass() != earlier.getClass()) {
            return true;
        }
        return later.compareTo(earlier) >= 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private record Columns(SourceLayout layout, int[] positions, int changeTime) {
    }
}
