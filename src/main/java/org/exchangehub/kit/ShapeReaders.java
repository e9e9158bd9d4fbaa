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
        return jdbc(connection, table, dataSource, Guesses.project());
    }

    static SourceShape jdbc(Connection connection, String table, String dataSource, Guesses guesses)
            throws SQLException {
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
        if (key == null) { // a table without a primary key: a column the glossary names a record key
            key = columns.keySet().stream().filter(guesses::isKey).findFirst().orElse(null);
        }
        String change = null;
        for (Map.Entry<String, Integer> c : types.entrySet()) {
            boolean timeType = c.getValue() == Types.TIMESTAMP || c.getValue() == Types.DATE
                    || c.getValue() == Types.TIMESTAMP_WITH_TIMEZONE;
            if (timeType && (guesses.isChangeTime(c.getKey()) || change == null && c.getKey().toUpperCase(Locale.ROOT)
                    .matches(".*(UPDATE|MODIF|CHANGE|GXSJ).*"))) {
                change = c.getKey();
                if (guesses.isChangeTime(c.getKey())) {
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
        return csv(fileName, text, "UTF-8", Guesses.project());
    }

    /** @param charset the file's encoding, for the drafted route */
    static SourceShape csv(String fileName, String text, String charset, Guesses guesses) {
        List<List<String>> rows = CsvRecords.rows(text);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(fileName + " is empty; scaffold needs its header line");
        }
        SourceShape shape = textShape("csv", "file " + fileName, rows.get(0), rows.subList(1, Math.min(rows.size(), 200)),
                guesses);
        Map<String, String> params = fileDrop(shape, "#" + namePattern(fileName), "csv", charset);
        return new SourceShape(shape.kind(), shape.label(), shape.columns(), shape.keyColumn(), shape.changeColumn(),
                shape.samples(), params, FILE_DROP);
    }

    private static final String FILE_DROP = "file-drop-source";

    /** The sample's name with its dates and sequence numbers as {@code *}: BIRTHS_20261201.csv → BIRTHS_*.csv. */
    static String namePattern(String fileName) {
        return fileName.replaceAll("\\d{4,}", "*");
    }

    /**
     * The file-drop-source parameters of a drafted route: the server, folder and completeness rule are the
     * engineer's to fill in (the password only ever as a placeholder); the format, charset and key come from the
     * sample. {@code {department}} and {@code {name}} are filled in by the draft.
     */
    private static Map<String, String> fileDrop(SourceShape shape, String include, String format, String charset) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("protocol", "#ftp");
        params.put("host", "#department.example");
        params.put("username", "#hub");
        params.put("password", "\"{{{department}.ftp.password}}\"");
        params.put("directory", "#/drop");
        params.put("include", include.startsWith("#") ? "#\"" + include.substring(1) + "\"" : include);
        params.put("format", format);
        params.put("charset", "#" + charset);
        if (format.equals("fixed")) {
            params.put("layout", "config/layouts/{name}.yaml");
        }
        params.put("readyWhen", "#doneMarker");
        params.put("doneMarker", "#\"${file}.ok\"");
        params.put("afterRead", "#move");
        if (shape.keyColumn() != null) {
            params.put("sourceKey", "#" + shape.keyColumn());
        }
        params.put("period", "#1h");
        return params;
    }

    /** A fixed-width layout given as NAME:WIDTH,NAME:WIDTH,... */
    static SourceShape fixed(String layout) {
        return fixed(layout, "GBK", Guesses.project());
    }

    static SourceShape fixed(String layout, String charset, Guesses guesses) {
        SourceShape shape = fixed(layout, guesses);
        return new SourceShape(shape.kind(), shape.label(), shape.columns(), shape.keyColumn(), shape.changeColumn(),
                shape.samples(), fileDrop(shape, "#*.dat", "fixed", charset), FILE_DROP);
    }

    private static SourceShape fixed(String layout, Guesses guesses) {
        List<String> names = new ArrayList<>();
        for (String part : layout.split(",")) {
            String[] nw = part.trim().split(":");
            if (nw.length != 2 || !nw[1].trim().matches("\\d+")) {
                throw new IllegalArgumentException("--layout is NAME:WIDTH,NAME:WIDTH,...; '" + part + "' is not");
            }
            names.add(nw[0].trim());
        }
        return textShape("fixed", "layout " + layout, names, List.of(), guesses);
    }

    private static SourceShape textShape(String kind, String label, List<String> header, List<List<String>> rows,
            Guesses guesses) {
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
        String key = header.stream().map(String::trim).filter(guesses::isKey).findFirst().orElse(null);
        String change = header.stream().map(String::trim).filter(guesses::isChangeTime).findFirst().orElse(null);
        return new SourceShape(kind, label, columns, key, change, samples, Map.of(), null);
    }

    /** A JSON sample response: the first array of objects holds the records; nested objects become dotted fields. */
    static SourceShape json(String fileName, String text) throws Exception {
        return json(fileName, text, Guesses.project());
    }

    static SourceShape json(String fileName, String text, Guesses guesses) throws Exception {
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
        String key = columns.keySet().stream().filter(guesses::isKey).findFirst().orElse(null);
        String change = columns.keySet().stream().filter(guesses::isChangeTime).findFirst().orElse(null);
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
        return soap(fileName, text, Guesses.project());
    }

    static SourceShape soap(String fileName, String text, Guesses guesses) throws Exception {
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
                // attributes of the record element are fields too (<enrolment id="...">), as the source reads them
                org.w3c.dom.NamedNodeMap attributes = e.getAttributes();
                for (int a = 0; a < attributes.getLength(); a++) {
                    Node attribute = attributes.item(a);
                    if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                        String n = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
                        columns.putIfAbsent(n, "attribute");
                        values.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(attribute.getNodeValue());
                    }
                }
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
        // an id attribute of the record element is the likeliest key; then a child the glossary names a key
        String key = columns.entrySet().stream().filter(c -> c.getValue().equals("attribute") && guesses.isKey(c.getKey()))
                .map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> columns.keySet().stream().filter(guesses::isKey).findFirst().orElse(null));
        String change = columns.keySet().stream().filter(guesses::isChangeTime).findFirst().orElse(null);
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
