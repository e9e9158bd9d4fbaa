-- How the delivered version of a dropped file was listed (its last-modified time in ms), so that the file-drop
-- source's idempotent repository can skip a file left in place without downloading it again; NULL until known.
ALTER TABLE hub_processed_file ADD COLUMN listed_modified BIGINT;
