package org.exchangehub.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The feeds a command works on ({@code --feeds 'tax.*,health.births'}): comma-separated feed ids or globs, where
 * {@code *} stands for any characters and {@code ?} for one. A pattern that matches no feed is refused with the feeds
 * there are, since running or checking nothing because of a typo would look like success.
 */
public final class FeedSelection {

    /** Every feed. */
    public static final FeedSelection ALL = new FeedSelection(List.of());

    private final List<String> patterns;

    private FeedSelection(List<String> patterns) {
        this.patterns = patterns;
    }

    /** Parses {@code --feeds}; null or blank selects every feed. */
    public static FeedSelection of(String spec) {
        if (spec == null || spec.isBlank()) {
            return ALL;
        }
        return new FeedSelection(Stream.of(spec.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    public boolean isAll() {
        return patterns.isEmpty();
    }

    /** Whether the feed id is selected. */
    public boolean matches(String feedId) {
        return isAll() || patterns.stream().anyMatch(p -> glob(p).matcher(feedId).matches());
    }

    /**
     * The selected ids of {@code feedIds}, in their order.
     *
     * @throws IllegalArgumentException when a pattern matches none of them, naming the feeds there are
     */
    public List<String> select(Collection<String> feedIds) {
        List<String> sorted = feedIds.stream().sorted().toList();
        for (String p : patterns) {
            if (sorted.stream().noneMatch(id -> glob(p).matcher(id).matches())) {
                throw new IllegalArgumentException("--feeds " + p + " matches no feed; the feeds are " + sorted);
            }
        }
        List<String> out = new ArrayList<>();
        for (String id : sorted) {
            if (matches(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return isAll() ? "all feeds" : String.join(",", patterns);
    }
}
