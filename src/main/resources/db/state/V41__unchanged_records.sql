-- Unchanged records are not delivered or quarantined again. A feed remembers, per business key, the hash of the
-- version it last delivered; the key is kept only as a SHA-256 digest (it can be a citizen's ID number).
CREATE TABLE hub_delivered_record (
    feed_id      VARCHAR(200)             NOT NULL,
    key_digest   VARCHAR(64)              NOT NULL,
    record_hash  VARCHAR(128)             NOT NULL,
    run_id       VARCHAR(200)             NOT NULL,
    delivered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_hub_delivered_record PRIMARY KEY (feed_id, key_digest)
);

-- A reject is known by the digest of its source key and raw form; read again, only its last-seen time moves.
ALTER TABLE hub_quarantine ADD COLUMN reject_digest VARCHAR(64);
ALTER TABLE hub_quarantine ADD COLUMN last_seen_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_hub_quarantine_digest ON hub_quarantine (feed_id, reject_digest);

-- The exchange log counts the records a run read that were unchanged since an earlier run.
ALTER TABLE hub_run ADD COLUMN rows_unchanged BIGINT DEFAULT 0 NOT NULL;
