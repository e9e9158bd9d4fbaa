package org.exchangehub.catalogue;

import java.util.Map;

/**
 * One field of a unified dataset as the catalogue declares it.
 *
 * @param name      field name in the unified schema, e.g. {@code id_number}
 * @param type      value type
 * @param length    maximum length for strings, or 0 when unbounded
 * @param precision decimal precision (0 for non-decimals)
 * @param scale     decimal scale (0 for non-decimals)
 * @param required  a missing value rejects the record ({@code MISSING_REQUIRED})
 * @param sensitive personal data: masked in logs, reports and JMX
 * @param rule      the validation rule applied to the value (see {@code config/catalogue/README.md})
 * @param derive    how to derive the value when the source has none, or null
 * @param codes     the standard code table (code to label) for coded fields, empty otherwise
 * @param description what the field means, from the spec
 * @param protect   how the sinks receive the value of a sensitive field ({@link Protect#CLEAR} unless the catalogue
 *                  says {@code protect: encrypt|pseudonym})
 */
public record FieldSpec(
        String name,
        FieldType type,
        int length,
        int precision,
        int scale,
        boolean required,
        boolean sensitive,
        String rule,
        String derive,
        Map<String, String> codes,
        String description,
        Protect protect) {

    /** A field written in clear. */
    public FieldSpec(String name, FieldType type, int length, int precision, int scale, boolean required,
            boolean sensitive, String rule, String derive, Map<String, String> codes, String description) {
        this(name, type, length, precision, scale, required, sensitive, rule, derive, codes, description,
                Protect.CLEAR);
    }

    /** Whether the sinks receive something other than the clear value. */
    public boolean isProtected() {
        return protect != Protect.CLEAR;
    }
}
