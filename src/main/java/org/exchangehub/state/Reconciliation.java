package org.exchangehub.state;

/**
 * What a run's source said it held for the run, against what the hub accounted for: delivered + rejected +
 * unchanged + superseded (a later version of the key in the same batch won) + skipped (already seen inside the
 * look-back window). A difference means records went missing (or appeared) between the source and the sinks.
 *
 * @param sourceCount what the source holds for the run (e.g. {@code COUNT(*)} over the run's window)
 * @param accounted   what the hub accounted for
 * @param method      how the source count was taken, for the operator (e.g. "COUNT(*) over the window")
 */
public record Reconciliation(long sourceCount, long accounted, String method) {

    /** The run's outcome as the exchange log, the feed MBean and health say it. */
    public enum Outcome {
        RECONCILED, UNRECONCILED
    }

    public Outcome outcome() {
        return sourceCount == accounted ? Outcome.RECONCILED : Outcome.UNRECONCILED;
    }

    public boolean isReconciled() {
        return outcome() == Outcome.RECONCILED;
    }

    /** E.g. {@code UNRECONCILED: source 1000 (COUNT(*) over the window), accounted 999}. */
    @Override
    public String toString() {
        return outcome() + ": source " + sourceCount + " (" + method + "), accounted " + accounted;
    }
}
