package org.exchangehub.state;

import java.time.Instant;

/**
 * Who holds a feed in cluster mode: the instance that took it last and the fencing epoch it took it with.
 *
 * @param feedId     the feed
 * @param instanceId the instance ({@code hub.cluster.instance-id})
 * @param epoch      counted up at every take-over; a commit carries the epoch its instance took the feed with
 * @param takenAt    when it took the feed
 */
public record FeedLeader(String feedId, String instanceId, long epoch, Instant takenAt) {
}
