package org.exchangehub.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Scratch state while one record is mapped: which fields failed, the violations and the warnings. */
final class Row {

    final LocalDate today;
    private final boolean[] failed;
    private List<Violation> violations;
    private int warnings;

    Row(int fieldCount, LocalDate today) {
        this.today = today;
        this.failed = new boolean[fieldCount];
    }

    void fail(FieldConverter field, ReasonCode reason, String detail) {
        fail(field.index, field.spec.name(), reason, detail);
    }

    void fail(int index, String fieldName, ReasonCode reason, String detail) {
        failed[index] = true;
        if (violations == null) {
            violations = new ArrayList<>(2);
        }
        violations.add(new Violation(fieldName, reason, detail));
    }

    void warn() {
        warnings++;
    }

    boolean failed(int index) {
        return failed[index];
    }

    boolean hasViolations() {
        return violations != null;
    }

    List<Violation> violations() {
        return violations == null ? List.of() : violations;
    }

    int warnings() {
        return warnings;
    }
}
