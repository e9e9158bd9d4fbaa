-- Key-range split of a big table's full or first load (issue 12): the ranges of one feed's load, each claimed by
-- one instance at a time (an UPDATE ... WHERE status = 'open'), with the progress it committed after every sink
-- confirmed a batch, so that a killed load resumes range by range. Removed when the whole load is done.
CREATE TABLE hub_split_range (
    feed_id        VARCHAR(200)  NOT NULL,
    range_no       INT           NOT NULL,
    planned_by_run VARCHAR(200)  NOT NULL,
    lo             BIGINT        NOT NULL,
    hi             BIGINT        NOT NULL,
    status         VARCHAR(10)   NOT NULL,
    claimed_by     VARCHAR(200),
    progress_key   BIGINT,
    rows_read      BIGINT        NOT NULL,
    max_change     TIMESTAMP,
    max_change_key VARCHAR(1000),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_hub_split_range PRIMARY KEY (feed_id, range_no)
);
