package org.exchangehub.kit;

import java.util.List;
import java.util.Map;

/**
 * What scaffold learnt about a source: its columns (name and type), the key and change-time columns it found, a few
 * distinct values of each column where it could read them, and how the route reaches the source.
 *
 * @param kind       jdbc, csv, fixed, json or soap
 * @param label      what was read, for the file's header comment (a table, a file)
 * @param columns    column name → type as the source gives it (VARCHAR, TIMESTAMP, text ...)
 * @param keyColumn  the primary key or key-like field, or null
 * @param changeColumn the change-time column, or null
 * @param samples    column → a few distinct values (may be empty)
 * @param routeParameters the source connector's parameters (in order), or empty when no connector exists
 * @param connector  the source connector (Kamelet) name, or null
 */
record SourceShape(String kind, String label, Map<String, String> columns, String keyColumn, String changeColumn,
        Map<String, List<String>> samples, Map<String, String> routeParameters, String connector) {

    List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }
}
