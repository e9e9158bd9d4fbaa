-- Schema drift: the columns (names and types, never values) each feed's source had at its last run, so that the next
-- run tells a mapped column that changed type, and reports a new column once.
CREATE TABLE hub_source_column (
    feed_id     VARCHAR(200) NOT NULL,
    position    INT          NOT NULL,
    column_name VARCHAR(200) NOT NULL,
    type_name   VARCHAR(200) NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_hub_source_column PRIMARY KEY (feed_id, position)
);
