package org.exchangehub.mapping;

import java.util.List;
import java.util.Map;

import org.exchangehub.standards.MoneyUnit;

/**
 * How one dataset field is filled from a source, as a mapping file declares it.
 *
 * @param field        the dataset field
 * @param from         the source column (matched ignoring case), or null when only a default is given
 * @param defaultValue the constant used when the source value is missing, as written, or null
 * @param unit         the unit of a money column without suffix, or null (yuan)
 * @param formats      extra date patterns tried before the standard forms
 * @param codes        the department's code table: source value to standard code
 * @param acceptStandardCodes whether a source value outside {@code codes} may still be read as a standard code or
 *                     label word of the catalogue; always true when the mapping gives no code table. A department's
 *                     own table is closed by default ({@code standard_codes: reject}): its {@code 3} may mean
 *                     something else than the standard's {@code 3}.
 */
public record FieldMapping(String field, String from, String defaultValue, MoneyUnit unit, List<String> formats,
        Map<String, String> codes, boolean acceptStandardCodes) {

    public FieldMapping {
        formats = List.copyOf(formats);
        codes = Map.copyOf(codes);
        if (codes.isEmpty()) {
            acceptStandardCodes = true;
        }
    }

    /** A mapping field whose code table, if any, is closed. */
    public FieldMapping(String field, String from, String defaultValue, MoneyUnit unit, List<String> formats,
            Map<String, String> codes) {
        this(field, from, defaultValue, unit, formats, codes, false);
    }
}
