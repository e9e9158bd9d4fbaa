package org.exchangehub.unify;

import org.exchangehub.catalogue.Dataset;
import org.exchangehub.feed.Batch;
import org.exchangehub.mapping.MappedBatch;
import org.exchangehub.mapping.Mapping;
import org.exchangehub.mapping.RecordMapper;

/** One feed mapping ready to use on batches: the compiled record mapper and the dataset it maps onto. */
public final class BatchMapper {

    private final Mapping mapping;
    private final Dataset dataset;
    private final RecordMapper mapper;

    BatchMapper(Mapping mapping, Dataset dataset, RecordMapper mapper) {
        this.mapping = mapping;
        this.dataset = dataset;
        this.mapper = mapper;
    }

    public Mapping mapping() {
        return mapping;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** Maps the batch in place. */
    public void map(Batch batch) {
        MappedBatch result = mapper.mapAll(batch.records());
        batch.mapped(dataset, mapping.source(), result.records(), result.rejections(), result.warnings());
        batch.superseded(result.superseded());
    }
}
