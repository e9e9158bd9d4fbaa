package org.exchangehub.sink.lake;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB in memory as the independent reader of what the lake wrote. */
public final class DuckDb implements AutoCloseable {

    private final Connection connection;

    public DuckDb() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** {@code read_parquet('<file>')} of one file, as written (no {@code dt} column from the folder name). */
    public static String parquet(Path file) {
        return "read_parquet(" + literal(file) + ", hive_partitioning = false)";
    }

    /** {@code read_parquet} of a glob as Spark or Hive would read the lake: {@code dt} from the folder names. */
    public static String lake(Path glob) {
        return "read_parquet(" + literal(glob) + ", hive_partitioning = true)";
    }

    public static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /** Rows as column-name → value maps, in result order. */
    public List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Column name → DuckDB type of a query's result. */
    public Map<String, String> describe(String select) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> row : query("DESCRIBE " + select)) {
            types.put((String) row.get("column_name"), (String) row.get("column_type"));
        }
        return types;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
