package org.exchangehub.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.SourceLayout;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.mapping.MappingResult;
import org.exchangehub.mapping.RecordMapper;
import org.exchangehub.mapping.UnifiedRecord;
import org.exchangehub.sink.lake.LakeWriter;
import org.exchangehub.unify.BatchMapper;
import org.exchangehub.unify.FeedMappings;

/**
 * What a hand-written pipeline (the typical Camel route, the Spring Batch job) reuses of the hub: its mapper,
 * called once per row, and its lake writer, called once per chunk. No quarantine, no state.
 */
final class HandWritten {

    static final String MAPPING = "market-regulation-enterprises";
    static final List<String> COLUMNS = List.of("ID", "TYSHXYDM", "QYMC", "FDDBR", "ZCZB", "CLRQ", "XZQH", "DJZT", "GXSJ");

    final RecordMapper mapper;
    final BatchMapper batchMapper;
    final SourceLayout layout;
    private final LakeWriter lake;
    private final String runId;
    private int index;
    long accepted;
    long rejected;

    HandWritten(Path lakeRoot, String runId) {
        this(lakeRoot, runId, MAPPING, COLUMNS);
    }

    /** For another mapping and source columns (the file scenario's person rows). */
    HandWritten(Path lakeRoot, String runId, String mappingName, List<String> columns) {
        layout = new SourceLayout(columns);
        Path config = Path.of("config");
        FeedMappings mappings = FeedMappings.load(config.resolve("mappings"),
                CatalogueLoader.load(config.resolve("catalogue")),
                DivisionCodes.loadIfPresent(config.resolve("codes").resolve("divisions.csv")), Clock.systemDefaultZone());
        batchMapper = mappings.mapper(mappingName);
        mapper = new RecordMapper(batchMapper.mapping());
        lake = new LakeWriter(lakeRoot);
        this.runId = runId;
    }

    /** Maps one row; what a mapping bean does. */
    MappingResult map(Object[] values) {
        return mapper.map(new SourceRecord(String.valueOf(values[0]), layout, values));
    }

    /** Writes a chunk of mapped rows as one lake file. */
    synchronized void write(List<MappingResult> results) throws Exception {
        List<UnifiedRecord> ok = new ArrayList<>(results.size());
        for (MappingResult r : results) {
            if (r.isAccepted()) {
                ok.add(r.record());
            } else {
                rejected++;
            }
        }
        accepted += ok.size();
        Batch batch = new Batch("bench.hand", runId, index++, Instant.now(), List.of());
        batch.mapped(batchMapper.dataset(), batchMapper.mapping().source(), ok, List.of(), 0);
        lake.write(batch);
    }
}
