-- Cluster mode (hub.cluster.*): several hub instances on this one state store, one leader per feed.
-- The lock table of Spring Integration's JdbcLockRegistry (DefaultLockRepository, prefix INT_), as Spring
-- Integration ships it: the JDBC cluster service's leases live here.
CREATE TABLE INT_LOCK (
    LOCK_KEY     CHAR(36)     NOT NULL,
    REGION       VARCHAR(100) NOT NULL,
    CLIENT_ID    CHAR(36),
    CREATED_DATE TIMESTAMP    NOT NULL,
    CONSTRAINT INT_LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);

-- The fencing token of each feed: the instance that took the feed last, and an epoch counted up at every
-- take-over. A batch commits only while its instance's epoch is still the feed's (same transaction).
CREATE TABLE hub_feed_leader (
    feed_id     VARCHAR(200)             NOT NULL,
    instance_id VARCHAR(200)             NOT NULL,
    epoch       BIGINT                   NOT NULL,
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_hub_feed_leader PRIMARY KEY (feed_id)
);

-- Where each run ran (hub.cluster.instance-id; hostname-pid by default). Null for runs before this version.
ALTER TABLE hub_run ADD COLUMN instance_id VARCHAR(200);
