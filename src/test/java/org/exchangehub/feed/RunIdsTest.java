package org.exchangehub.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Run ids sort strictly by start time, also for runs started in the same second or the same millisecond. */
class RunIdsTest {

    @Test
    void idsOfRunsStartedInTheSameInstantSortInTheOrderTheyStarted() {
        Instant same = Instant.parse("2030-01-01T08:00:00.500Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(RunIds.next(same));
        }

        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void idsOfRunsStartedInTheSameSecondSortByTheirStartTime() {
        String later = RunIds.next(Instant.parse("2031-01-01T08:00:00.900Z"));
        String earlierInTheSameSecond = RunIds.next(Instant.parse("2031-01-01T08:00:00.100Z"));
        String next = RunIds.next(Instant.parse("2031-01-01T08:00:01.000Z"));

        // a clock that stepped back never makes an id sort before one already made
        assertThat(List.of(later, earlierInTheSameSecond, next)).isSorted();
    }

    @Test
    void idsAreSafeInFileNames() {
        assertThat(RunIds.next(Instant.parse("2032-01-01T00:00:00Z"))).matches("\\d{8}T\\d{9}Z-[0-9a-f]{6}");
    }
}
