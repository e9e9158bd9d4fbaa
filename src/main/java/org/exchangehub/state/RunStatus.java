package org.exchangehub.state;

/** Outcome of a run in the exchange log. */
public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}
