package org.exchangehub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which routes cluster mode elects a leader for, and on which namespace. */
class FeedLeadershipTest {

    @TempDir
    Path root;

    @Test
    void anOriginRouteFollowsTheFeedItHandsItsRecordsTo() {
        RouteDefinition origin = new RouteDefinition("sftp://drop.example/out?delay=60000");
        origin.routeId("students-origin");
        origin.to("hub-feed:education.students?format=csv&charset=GBK");

        assertThat(FeedLeadership.hubFeedTarget(origin)).isEqualTo("education.students");
    }

    @Test
    void aFeedRouteHandsToNoOtherFeed() {
        RouteDefinition feed = new RouteDefinition("hub-feed:education.students");
        feed.routeId("education.students");
        feed.to("kamelet:lake-sink");

        assertThat(FeedLeadership.hubFeedTarget(feed)).isNull();
    }

    @Test
    void anOriginRouteIsNotItselfAFeedUnderElection() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            FileLockClusterService service = new FileLockClusterService();
            service.setRoot(root.toString());
            service.setCamelContext(camel);
            FeedLeadership leadership = new FeedLeadership(service, null);
            RouteDefinition origin = new RouteDefinition("file:" + root + "/in");
            origin.routeId("students-origin");
            origin.to("hub-feed:education.students?format=csv");
            RouteDefinition feed = new RouteDefinition("hub-feed:education.students");
            feed.routeId("education.students");
            feed.to("kamelet:lake-sink");

            assertThat(leadership.createRoutePolicy(camel, "students-origin", origin)).isNotNull();
            assertThat(leadership.createRoutePolicy(camel, "education.students", feed)).isNotNull();
            assertThat(leadership.isFeed("students-origin")).isFalse();
            assertThat(leadership.isFeed("education.students")).isTrue();
        }
    }
}
