package org.exchangehub.catalogue;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a field is filled when the source has no value ({@code derive:}): from another field of the same record,
 * which the name spells out and which must carry the given rule. Nothing is derived from a value that failed.
 */
public enum Derivation {
    /** Sex code from the 17th digit of {@code id_number} (odd 1, even 2). */
    SEX_FROM_ID_NUMBER("sex_from_id_number", "id_number", Rule.ID_NUMBER, FieldType.STRING),
    /** Birth date from digits 7–14 of {@code id_number}; a source date that differs is a mismatch. */
    BIRTH_DATE_FROM_ID_NUMBER("birth_date_from_id_number", "id_number", Rule.ID_NUMBER, FieldType.DATE),
    /** Division code from characters 3–8 of {@code uscc}. */
    DIVISION_FROM_USCC("division_from_uscc", "uscc", Rule.USCC, FieldType.STRING);

    private final String configName;
    private final String sourceField;
    private final Rule sourceRule;
    private final FieldType valueType;

    Derivation(String configName, String sourceField, Rule sourceRule, FieldType valueType) {
        this.configName = configName;
        this.sourceField = sourceField;
        this.sourceRule = sourceRule;
        this.valueType = valueType;
    }

    /** The type of the derived value, which the derived field must have. */
    public FieldType valueType() {
        return valueType;
    }

    public String configName() {
        return configName;
    }

    /** The field of the same dataset the value is derived from. */
    public String sourceField() {
        return sourceField;
    }

    /** The rule that source field must carry. */
    public Rule sourceRule() {
        return sourceRule;
    }

    /** The derivation a catalogue names, or null. */
    public static Derivation of(String configName) {
        for (Derivation d : values()) {
            if (d.configName.equals(configName)) {
                return d;
            }
        }
        return null;
    }

    public static String names() {
        return Arrays.stream(values()).map(Derivation::configName).collect(Collectors.joining(", "));
    }
}
