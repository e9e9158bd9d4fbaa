package org.exchangehub.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Scratch state while one record is mapped: which fields failed, the violations and the warnings. */
final class Row {

    final LocalDate today;
    private final boolean[] failed;
    private List<Violation> violations;
    private List<Integer> order;
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
            order = new ArrayList<>(2);
        }
        violations.add(new Violation(fieldName, reason, detail));
        order.add(index);
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

    /** The violations in schema order (several of one field in the order found). */
    List<Violation> violations() {
        if (violations == null) {
            return List.of();
        }
        Integer[] idx = new Integer[violations.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingInt(order::get));
        List<Violation> sorted = new ArrayList<>(idx.length);
        for (Integer i : idx) {
            sorted.add(violations.get(i));
        }
        return sorted;
    }

    int warnings() {
        return warnings;
    }
}
