package org.exchangehub.kit;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads a source's shape for scaffold: a JDBC table's metadata (columns, types, primary key, a few distinct values
 * of short text columns), a CSV header, a fixed-width layout, or a JSON or SOAP sample response.
 */
final class ShapeReaders {

    private static final int SAMPLE_VALUES = 20;

    private ShapeReaders() {
    }

    /** A table's shape from the database's metadata; distinct values are read with identifiers from that metadata. */
    static SourceShape jdbc(Connection connection, String table, String dataSource) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        String schema = null;
        String name = table;
        if (table.contains(".")) {
            schema = table.substring(0, table.indexOf('.'));
            name = table.substring(table.indexOf('.') + 1);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Integer> types = new LinkedHashMap<>();
        String actual = name;
        for (String candidate : new LinkedHashSet<>(List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)))) {
            try (ResultSet rs = md.getColumns(null, schema, candidate, null)) {
                while (rs.next()) {
                    columns.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME")
                            + (rs.getInt("DATA_TYPE") == Types.VARCHAR ? "(" + rs.getInt("COLUMN_SIZE") + ")" : ""));
                    types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
                }
            }
            if (!columns.isEmpty()) {
                actual = candidate;
                break;
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("the database has no table " + table);
        }
        String key = null;
        try (ResultSet rs = md.getPrimaryKeys(null, schema, actual)) {
            if (rs.next()) {
                key = rs.getString("COLUMN_NAME");
            }
        }
        String change = null;
        for (Map.Entry<String, Integer> c : types.entrySet()) {
            boolean timeType = c.getValue() == Types.TIMESTAMP || c.getValue() == Types.DATE
                    || c.getValue() == Types.TIMESTAMP_WITH_TIMEZONE;
            if (timeType && (Guesses.isChangeTime(c.getKey()) || change == null && c.getKey().toUpperCase(Locale.ROOT)
                    .matches(".*(UPDATE|MODIF|CHANGE|GXSJ).*"))) {
                change = c.getKey();
                if (Guesses.isChangeTime(c.getKey())) {
                    break;
                }
            }
        }
        Map<String, List<String>> samples = new LinkedHashMap<>();
        String quote = md.getIdentifierQuoteString() == null ? "\"" : md.getIdentifierQuoteString().trim();
        String qualified = (schema == null ? "" : quote + schema + quote + ".") + quote + actual + quote;
        for (Map.Entry<String, Integer> c : types.entrySet()) {
            if (isText(c.getValue()) && !c.getKey().equals(key)) {
                samples.put(c.getKey(), distinct(connection, qualified, quote + c.getKey() + quote));
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("dataSource", dataSource == null ? "#departmentDb" : dataSource);
        params.put("table", table);
        params.put("keyColumn", key == null ? "#ID" : "#" + key);
        if (change != null) {
            params.put("changeColumn", "#" + change);
        }
        params.put("period", "#5m");
        return new SourceShape("jdbc", "table " + table, columns, key, change, samples, params, "jdbc-incremental-source");
    }

    private static boolean isText(int type) {
        return type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR || type == Types.NCHAR;
    }

    private static List<String> distinct(Connection connection, String quotedTable, String quotedColumn)
            throws SQLException {
        List<String> values = new ArrayList<>();
        // identifiers come from the database's own metadata and are quoted; no value is ever part of the SQL
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT DISTINCT " + quotedColumn + " FROM " + quotedTable)) {
            ps.setMaxRows(SAMPLE_VALUES + 1);
            ps.setQueryTimeout(30); // a sample for a draft must not load the department's database
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String v = rs.getString(1);
                    if (v != null) {
                        values.add(v);
                    }
                }
            }
        }
        // a column with many distinct values is not a code column; its samples would only be noise
        return values.size() > SAMPLE_VALUES ? List.of() : values;
    }

    /** A CSV file's header (and a few values of each column). */
    static SourceShape csv(String fileName, String text) {
        List<List<String>> rows = CsvRecords.rows(text);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(fileName + " is empty; scaffold needs its header line");
        }
        return textShape("csv", "file " + fileName, rows.get(0), rows.subList(1, Math.min(rows.size(), 200)));
    }

    /** A fixed-width layout given as NAME:WIDTH,NAME:WIDTH,... */
    static SourceShape fixed(String layout) {
        List<String> names = new ArrayList<>();
        for (String part : layout.split(",")) {
            String[] nw = part.trim().split(":");
            if (nw.length != 2 || !nw[1].trim().matches("\\d+")) {
                throw new IllegalArgumentException("--layout is NAME:WIDTH,NAME:WIDTH,...; '" + part + "' is not");
            }
            names.add(nw[0].trim());
        }
        return textShape("fixed", "layout " + layout, names, List.of());
    }

    private static SourceShape textShape(String kind, String label, List<String> header, List<List<String>> rows) {
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, List<String>> samples = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            columns.put(name, "text");
            Set<String> values = new LinkedHashSet<>();
            for (List<String> row : rows) {
                if (i < row.size() && !row.get(i).isBlank()) {
                    values.add(row.get(i).trim());
                }
            }
            samples.put(name, values.size() > SAMPLE_VALUES ? List.of() : List.copyOf(values));
        }
        String key = header.stream().map(String::trim).filter(h -> h.equalsIgnoreCase("ID")).findFirst().orElse(null);
        String change = header.stream().map(String::trim).filter(Guesses::isChangeTime).findFirst().orElse(null);
        return new SourceShape(kind, label, columns, key, change, samples, Map.of(), null);
    }

    /** A JSON sample response: the first array of objects holds the records; nested objects become dotted fields. */
    static SourceShape json(String fileName, String text) throws Exception {
        JsonNode root = new ObjectMapper().readTree(text);
        List<String> path = new ArrayList<>();
        JsonNode array = findArray(root, path);
        if (array == null) {
            throw new IllegalArgumentException(fileName + " holds no array of records (objects)");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (JsonNode item : array) {
            leaves(item, "", columns, values);
        }
        String recordsPath = String.join(".", path);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("url", "#https://department.example/api/records");
        params.put("paging", "#page");
        if (!recordsPath.isEmpty()) {
            params.put("recordsPath", "#" + recordsPath);
        }
        String key = columns.keySet().stream().filter(c -> Guesses.normalise(c).matches("ID|.*BM|.*BH|KEY")).findFirst()
                .orElse(null);
        String change = columns.keySet().stream().filter(Guesses::isChangeTime).findFirst().orElse(null);
        if (key != null) {
            params.put("keyField", "#" + key);
        }
        params.put("fields", "#" + String.join(",", columns.keySet()));
        if (change != null) {
            params.put("changeField", "#" + change);
        }
        params.put("period", "60s");
        return new SourceShape("json", "sample " + fileName, columns, key, change, samples(values), params, "rest-source");
    }

    private static JsonNode findArray(JsonNode node, List<String> path) {
        if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            return node;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                path.add(e.getKey());
                JsonNode found = findArray(e.getValue(), path);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private static void leaves(JsonNode node, String prefix, Map<String, String> columns, Map<String, Set<String>> values) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            if (e.getValue().isObject()) {
                leaves(e.getValue(), name + ".", columns, values);
            } else {
                columns.putIfAbsent(name, e.getValue().isNumber() ? "number" : "text");
                if (!e.getValue().isNull()) {
                    values.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(e.getValue().asText());
                }
            }
        }
    }

    /** A SOAP (or plain XML) sample response: the element repeated most often holds the records. */
    static SourceShape soap(String fileName, String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        DocumentBuilder builder = f.newDocumentBuilder();
        Element root = builder.parse(new InputSource(new StringReader(text))).getDocumentElement();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Element> firsts = new LinkedHashMap<>();
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (hasChildElements(e)) {
                String k = e.getNamespaceURI() + "|" + e.getLocalName();
                counts.merge(k, 1, Integer::sum);
                firsts.putIfAbsent(k, e);
            }
        }
        String best = counts.entrySet().stream().filter(e -> !firsts.get(e.getKey()).getLocalName().equals("Envelope")
                && !firsts.get(e.getKey()).getLocalName().equals("Body")).max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElseThrow(() -> new IllegalArgumentException(fileName + " holds no records"));
        Element record = firsts.get(best);
        String ns = record.getNamespaceURI();
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if ((e.getNamespaceURI() + "|" + e.getLocalName()).equals(best)) {
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element child && !hasChildElements(child)) {
                        columns.putIfAbsent(child.getLocalName(), "text");
                        values.computeIfAbsent(child.getLocalName(), k -> new LinkedHashSet<>()).add(child.getTextContent());
                    }
                }
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("url", "#https://department.example/services/Service");
        params.put("requestTemplate", "#config/soap/REQUEST.xml");
        if (ns != null) {
            params.put("namespaces", "#ns=" + ns);
        }
        params.put("recordPath", "#//" + (ns == null ? "" : "ns:") + record.getLocalName());
        String key = columns.keySet().stream().filter(c -> Guesses.normalise(c).equals("ID")).findFirst().orElse(null);
        String change = columns.keySet().stream().filter(Guesses::isChangeTime).findFirst().orElse(null);
        if (key != null) {
            params.put("keyField", "#" + key);
        }
        params.put("fields", "#" + String.join(",", columns.keySet()));
        if (change != null) {
            params.put("changeField", "#" + change);
        }
        params.put("period", "60s");
        return new SourceShape("soap", "sample " + fileName, columns, key, change, samples(values), params, "soap-source");
    }

    private static boolean hasChildElements(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<String>> samples(Map<String, Set<String>> values) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.size() > SAMPLE_VALUES ? List.of() : List.copyOf(v)));
        return out;
    }
}
