package org.exchangehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an append-only sink must hold after a hub died mid-run and the run was taken up again (a restart, or another
 * instance of a cluster): every valid key, and duplicates of at most one batch, each with the same record hash.
 */
public final class RedeliveryChecks {

    private RedeliveryChecks() {
    }

    /** Every key present; keys seen more than once are at most one batch and always carry the same hash. */
    public static void assertCompleteWithDuplicatesFromOneBatchOnly(String sink, List<String[]> keyAndHash,
            Set<String> expected, int batch) {
        Map<String, Set<String>> hashes = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (String[] kh : keyAndHash) {
            hashes.computeIfAbsent(kh[0], k -> new HashSet<>()).add(kh[1]);
            counts.merge(kh[0], 1, Integer::sum);
        }
        assertThat(hashes.keySet()).as("%s holds every valid key", sink).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counts.values().stream().filter(c -> c > 1).count()).as("%s: duplicated keys", sink)
                .isLessThanOrEqualTo(batch);
        assertThat(hashes.values()).as("%s: duplicates carry the same record hash", sink).allMatch(h -> h.size() == 1);
    }

    /** Key (USCC) and record hash of every legal_entity record in the lake under {@code lakeRoot}, duplicates too. */
    public static List<String[]> legalEntitiesInLake(Path lakeRoot) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT uscc, lower(hex(_record_hash)) FROM read_parquet('"
                     + lakeRoot.toString().replace("'", "''") + "/legal_entity/*/*.parquet')")) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }
}
