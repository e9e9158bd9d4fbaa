package org.exchangehub.bench;

import java.nio.file.Path;
import java.util.ArrayList;


import javax.sql.DataSource;

import org.exchangehub.mapping.MappingResult;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.database.JdbcCursorItemReader;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;

/**
 * A Spring Batch chunk job as an engineer would write it: a {@code JdbcCursorItemReader}, the hub's mapper as
 * the processor, a writer that writes each chunk of 5,000 with the lake writer. Same fetch size as the hub; an
 * in-memory job repository; no quarantine and no state.
 */
final class BatchStage implements Stage {

    private final DataSource ds;
    private final Path lake;

    BatchStage(DataSource ds, Path lake) {
        this.ds = ds;
        this.lake = lake;
    }

    @Override
    public String name() {
        return "Spring Batch (cursor reader → mapper → writer)";
    }

    @Override
    public Outcome run() throws Exception {
        HandWritten hand = new HandWritten(lake, "batch");
        int n = HandWritten.COLUMNS.size();
        JdbcCursorItemReader<Object[]> reader = new JdbcCursorItemReader<>();
        reader.setName("t_qydj");
        reader.setDataSource(ds);
        reader.setSql(LimitStages.SELECT);
        reader.setFetchSize(LimitStages.FETCH);
        reader.setSaveState(false);
        reader.setRowMapper((rs, i) -> {
            Object[] values = new Object[n];
            for (int c = 0; c < n; c++) {
                values[c] = rs.getObject(c + 1);
            }
            return values;
        });
        reader.afterPropertiesSet();
        JobRepository repository = new ResourcelessJobRepository();
        var step = new StepBuilder("copy", repository)
                .<Object[], MappingResult>chunk(CamelStage.CHUNK, new ResourcelessTransactionManager())
                .reader(reader)
                .processor(hand::map)
                .writer(chunk -> hand.write(new ArrayList<>(chunk.getItems())))
                .build();
        Job job = new JobBuilder("bench", repository).start(step).build();
        TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
        launcher.setJobRepository(repository);
        launcher.afterPropertiesSet();
        JobExecution execution = launcher.run(job, new JobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("the Spring Batch job ended " + execution.getStatus() + ": "
                    + execution.getAllFailureExceptions());
        }
        return new Outcome(hand.accepted + hand.rejected, hand.accepted, Sizes.parquetBytes(lake),
                hand.rejected + " rejected (not stored)");
    }

}
