package org.exchangehub.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.Violation;
import org.junit.jupiter.api.Test;

/** A feed's open rejects: what a batch resolves, in order and once each, and what it leaves open. */
class OpenRejectsTest {

    @Test
    void aBatchResolvesEachOpenKeyItDeliversOnceInDeliveryOrderAndOnlyThose() {
        OpenRejects open = openWith("A", "B", "C");

        OpenRejects.Settled settled = open.settle(List.of("C", "X", "A", "C"), List.of());

        assertThat(settled).containsExactly("C", "A");
        assertThat(open.settle(List.of("A", "B", "C"), List.of())).containsExactly("B");
        assertThat(open.isEmpty()).isTrue();
    }

    @Test
    void aBatchsOwnRejectsAreOpenForTheBatchesAfterItEvenWhenItDeliveredTheSameKey() {
        OpenRejects open = openWith("A");

        OpenRejects.Settled first = open.settle(List.of("A"), List.of(reject("A"), reject("B"), reject(null)));

        assertThat(first).containsExactly("A");
        assertThat(open.settle(List.of("B", "A"), List.of())).containsExactly("B", "A");
    }

    @Test
    void halfAMillionOpenKeysAreEachFoundAndNoOtherKeyIs() {
        OpenRejects open = new OpenRejects();
        IntStream.range(0, 500_000).forEach(i -> open.open("91350100MA" + i));

        List<String> delivered = IntStream.range(499_000, 501_000).mapToObj(i -> "91350100MA" + i).toList();

        assertThat(open.settle(delivered, List.of())).hasSize(1_000)
                .allMatch(k -> Integer.parseInt(k.substring(10)) < 500_000);
    }

    private static OpenRejects openWith(String... keys) {
        OpenRejects open = new OpenRejects();
        for (String key : keys) {
            open.open(key);
        }
        return open;
    }

    private static Rejection reject(String key) {
        return new Rejection(key, "{}", List.of(new Violation("name", ReasonCode.MISSING_REQUIRED, "is blank")));
    }
}
