-- Operations: a quarantined record taken back and replayed (after a mapping fix) is marked with the run that
-- replayed it, so that it is never replayed twice. Records that still fail are quarantined again under that run.
ALTER TABLE hub_quarantine ADD COLUMN replayed_by_run VARCHAR(200);
