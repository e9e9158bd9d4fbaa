package org.exchangehub.catalogue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The named validation rules a catalogue field can declare ({@code rule:}); each applies to one field type. */
public enum Rule {
    /** GB 11643-1999 citizen identity number; 15 digits upgraded to 18. */
    ID_NUMBER("id_number", FieldType.STRING),
    /** GB 32100-2015 unified social credit code. */
    USCC("uscc", FieldType.STRING),
    /** A name: cleaned text (trim, full-width folding, inner spaces collapsed). */
    NAME("name", FieldType.STRING),
    /** Free text, cleaned as a name. */
    TEXT("text", FieldType.STRING),
    /** GB/T 2261.1 sex code, from the mapping's code table or the usual source spellings. */
    SEX_CODE("sex_code", FieldType.STRING),
    /** A real calendar date in one of the accepted forms. */
    DATE("date", FieldType.DATE),
    /** A date as {@link #DATE}, not after today. */
    PAST_DATE("past_date", FieldType.DATE),
    /** A number, unit-scaled to yuan, not negative, within the field's precision. */
    NON_NEGATIVE_DECIMAL("non_negative_decimal", FieldType.DECIMAL),
    /** GB/T 2260 division code: 6 digits, known to the division table when one is configured. */
    DIVISION_CODE("division_code", FieldType.STRING),
    /** Mainland mobile number; an unusable value is nulled with a warning, not rejected. */
    MOBILE_PHONE("mobile_phone", FieldType.STRING),
    /** A code of the field's standard code table, via the mapping's table, a code or a label word. */
    CODE("code", FieldType.STRING);

    private final String configName;
    private final FieldType type;

    Rule(String configName, FieldType type) {
        this.configName = configName;
        this.type = type;
    }

    /** The name used in catalogue files. */
    public String configName() {
        return configName;
    }

    /** The field type the rule applies to. */
    public FieldType type() {
        return type;
    }

    /** The rule a catalogue names, or null when there is none by that name. */
    public static Rule of(String configName) {
        for (Rule r : values()) {
            if (r.configName.equals(configName)) {
                return r;
            }
        }
        return null;
    }

    /** All rule names, comma-separated, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Rule::configName).collect(Collectors.joining(", "));
    }
}
