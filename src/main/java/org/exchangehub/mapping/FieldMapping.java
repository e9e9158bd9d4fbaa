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
 */
public record FieldMapping(String field, String from, String defaultValue, MoneyUnit unit, List<String> formats,
        Map<String, String> codes) {

    public FieldMapping {
        formats = List.copyOf(formats);
        codes = Map.copyOf(codes);
    }
}
