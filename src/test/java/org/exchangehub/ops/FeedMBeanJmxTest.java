package org.exchangehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.exchangehub.feed.FeedStatus;
import org.junit.jupiter.api.Test;

class FeedMBeanJmxTest extends OpsHubTest {

    private static final JMXServiceURL URL = url();

    private static JMXServiceURL url() {
        try {
            return new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + OpsHub.JMX_PORT + "/jmxrmi");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JMXConnector connect(String user, String password) throws IOException {
        return JMXConnectorFactory.connect(URL, Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    private static FeedControlMXBean feedBean(MBeanServerConnection connection) {
        return JMX.newMXBeanProxy(connection, FeedMBeans.name(OpsHub.FEED), FeedControlMXBean.class);
    }

    @Test
    void anOperatorReadsTheCountersOverRemoteJmxAndSeesThemMoveAfterRunNow() throws Exception {
        try (JMXConnector jmx = connect(OpsHub.OPERATOR, OpsHub.OPERATOR_PASSWORD)) {
            FeedControlMXBean bean = feedBean(jmx.getMBeanServerConnection());
            long readBefore = bean.getRowsReadTotal();
            long runsBefore = bean.getRunsTotal();
            OpsHub.insert(OpsHub.idNumber(true), "01");
            OpsHub.insert(OpsHub.idNumber(true), "01");

            String summary = bean.runNow();

            assertThat(summary).contains("SUCCEEDED").contains("read 2");
            assertThat(bean.getRowsReadTotal()).isEqualTo(readBefore + 2);
            assertThat(bean.getRunsTotal()).isEqualTo(runsBefore + 1);
            assertThat(bean.getRowsReadLastRun()).isEqualTo(2);
            assertThat(bean.getRowsDeliveredLastRun()).isEqualTo(2);
            assertThat(bean.getLastRunOutcome()).isEqualTo("SUCCEEDED");
            assertThat(bean.getStatus()).isEqualTo("PAUSED");
            assertThat(bean.getWatermark()).isNotEmpty();
            assertThat(bean.getLagSeconds()).isBetween(0L, 60L);
        }
    }

    @Test
    void outsideClusterModeTheFeedRunsOnThisInstanceAndTheMBeanSaysSo() throws Exception {
        try (JMXConnector jmx = connect(OpsHub.OPERATOR, OpsHub.OPERATOR_PASSWORD)) {
            MBeanServerConnection connection = jmx.getMBeanServerConnection();

            assertThat(connection.getAttribute(FeedMBeans.name(OpsHub.FEED), "Leader")).isEqualTo(true);
            assertThat(connection.getAttribute(FeedMBeans.name(OpsHub.FEED), "Instance"))
                    .isEqualTo(org.exchangehub.state.InstanceId.ofThisProcess());
        }
    }

    @Test
    void withoutCredentialsTheConnectionIsRefused() {
        assertThatThrownBy(() -> JMXConnectorFactory.connect(URL).close()).isInstanceOf(SecurityException.class);
    }

    @Test
    void withAWrongPasswordTheConnectionIsRefused() {
        assertThatThrownBy(() -> connect(OpsHub.OPERATOR, "guess").close()).isInstanceOf(SecurityException.class);
    }

    @Test
    void aViewerReadsButCannotRunAFeed() throws Exception {
        try (JMXConnector jmx = connect(OpsHub.VIEWER, OpsHub.VIEWER_PASSWORD)) {
            FeedControlMXBean bean = feedBean(jmx.getMBeanServerConnection());
            assertThat(bean.getStatus()).isEqualTo("PAUSED");
            assertThatThrownBy(bean::runNow).isInstanceOf(SecurityException.class).hasMessageContaining("operator");
        }
    }

    @Test
    void camelsRouteMBeansStayOn() throws Exception {
        try (JMXConnector jmx = connect(OpsHub.OPERATOR, OpsHub.OPERATOR_PASSWORD)) {
            assertThat(jmx.getMBeanServerConnection().queryNames(
                    new javax.management.ObjectName("org.apache.camel:type=routes,*"), null)).isNotEmpty();
        }
    }

    @Test
    void pauseStopsScheduledRunsUntilResume() throws Exception {
        try (JMXConnector jmx = connect(OpsHub.OPERATOR, OpsHub.OPERATOR_PASSWORD)) {
            FeedControlMXBean bean = feedBean(jmx.getMBeanServerConnection());
            bean.resume();
            long before = bean.getRunsTotal();
            await("a scheduled run").atMost(Duration.ofSeconds(10)).until(() -> bean.getRunsTotal() > before);
            // empty only for the moment a scheduled run is in progress
            await("the next scheduled run's time").atMost(Duration.ofSeconds(10))
                    .until(() -> !bean.getNextScheduledRun().isEmpty());

            bean.pause();
            await("the run in progress to end").atMost(Duration.ofSeconds(10))
                    .until(() -> !bean.getStatus().equals(FeedStatus.RUNNING.name()));
            long paused = bean.getRunsTotal();
            await("no scheduled run while paused").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                    .until(() -> bean.getRunsTotal() == paused);
            assertThat(bean.getNextScheduledRun()).isEmpty();

            bean.resume();
            await("scheduled runs again after resume").atMost(Duration.ofSeconds(10))
                    .until(() -> bean.getRunsTotal() > paused);
            bean.pause();
        }
    }

    @Test
    void rewindWatermarkMakesTheNextRunReReadFromThatPoint() throws Exception {
        try (JMXConnector jmx = connect(OpsHub.OPERATOR, OpsHub.OPERATOR_PASSWORD)) {
            FeedControlMXBean bean = feedBean(jmx.getMBeanServerConnection());
            java.time.LocalDateTime before = java.time.LocalDateTime.now().minusSeconds(1);
            OpsHub.insert(OpsHub.idNumber(true), "01");
            OpsHub.insert(OpsHub.idNumber(true), "01");
            OpsHub.insert(OpsHub.idNumber(true), "01");
            bean.runNow();
            assertThat(bean.runNow()).contains("read 0");

            String answer = bean.rewindWatermark(before.toString());

            assertThat(answer).contains("re-reads");
            assertThat(bean.runNow()).contains("read 3");
        }
    }

    @Test
    void aRewindToSomethingThatIsNotATimeIsRefusedWithTheFormat() throws Exception {
        try (JMXConnector jmx = connect(OpsHub.OPERATOR, OpsHub.OPERATOR_PASSWORD)) {
            FeedControlMXBean bean = feedBean(jmx.getMBeanServerConnection());
            assertThatThrownBy(() -> bean.rewindWatermark("yesterday"))
                    .hasStackTraceContaining("yyyy-MM-ddTHH:mm:ss");
        }
    }
}
