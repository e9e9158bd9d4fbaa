package org.exchangehub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Replaying rejects after a mapping fix, and the promise that no personal value reaches the logs, the exchange
 * log endpoint or JMX. One test, in order, because the fix changes the shared mapping for good.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplayAndPersonalDataTest extends OpsHubTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    StateStore state;

    @Test
    void replayDeliversWhatTheFixedMappingAcceptsOnceAndNoPersonalValueIsShownUnmasked(CapturedOutput output)
            throws Exception {
        String man = OpsHub.idNumber(true);
        String woman1 = OpsHub.idNumber(false);
        String woman2 = OpsHub.idNumber(false);
        String badId = "350102199003070000"; // wrong check character: stays rejected after the fix
        OpsHub.insert(man, "01");
        OpsHub.insert(woman1, "02");
        OpsHub.insert(woman2, "02");
        OpsHub.insert(badId, "01");
        RunRecord run = feed().runNow();
        assertThat(run.rowsDelivered()).isEqualTo(1);
        assertThat(run.rowsRejected()).isEqualTo(3);
        String ownerAnswer = http.withBasicAuth(OpsHub.VIEWER, OpsHub.VIEWER_PASSWORD)
                .getForObject(url("/ops/exchange-log/runs/" + run.runId() + "/rejects"), String.class);

        FeedControlMXBean bean = javax.management.JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                FeedMBeans.name(OpsHub.FEED), FeedControlMXBean.class);
        String before = bean.replayRejects(run.runId());
        assertThat(before).contains("0 delivered").contains("3 still rejected");
        String replayOfReplay = state.runs(OpsHub.FEED, 1).get(0).runId();

        OpsHub.fixMapping();
        String fixed = bean.replayRejects(replayOfReplay);
        assertThat(fixed).contains("3 taken from the quarantine").contains("2 delivered").contains("1 still rejected");
        assertThat(bean.replayRejects(replayOfReplay)).contains("nothing to replay");
        assertThat(bean.replayRejects(run.runId())).contains("nothing to replay");

        String rejects = http.withBasicAuth(OpsHub.VIEWER, OpsHub.VIEWER_PASSWORD)
                .getForObject(url("/ops/exchange-log/runs/" + replayOfReplay + "/rejects"), String.class);
        assertThat(ownerAnswer).contains("\"total\":3").contains("UNKNOWN_CODE").contains("INVALID_ID_NUMBER")
                .contains(woman1.substring(0, 4) + "**********" + woman1.substring(14))
                .contains("欧***").contains("138****1234").contains("福建省福州市…");
        assertThat(rejects).contains("replayedByRun");
        List<String> statuses = new ArrayList<>();
        state.rejects(org.exchangehub.state.RejectQuery.ofRun(replayOfReplay), r -> statuses.add(r.status()));
        assertThat(statuses).as("the replay after the fix resolves what it delivered")
                .containsExactlyInAnyOrder("RESOLVED", "RESOLVED", "REPLAYED");

        List<String> jmxValues = jmxAttributeValues();
        for (String planted : List.of(man, woman1, woman2, badId, OpsHub.NAME, OpsHub.PHONE, OpsHub.ADDRESS)) {
            assertThat(output.getAll()).as("logs").doesNotContain(planted);
            assertThat(ownerAnswer).as("exchange log endpoint").doesNotContain(planted);
            assertThat(rejects).as("exchange log endpoint").doesNotContain(planted);
            assertThat(jmxValues).as("JMX attributes").noneMatch(v -> v.contains(planted));
        }
    }

    private static List<String> jmxAttributeValues() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> values = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName(FeedMBeans.DOMAIN + ":*"), null)) {
            String[] attributes = java.util.Arrays.stream(server.getMBeanInfo(name).getAttributes())
                    .map(MBeanAttributeInfo::getName).toArray(String[]::new);
            for (Attribute a : server.getAttributes(name, attributes).asList()) {
                values.add(String.valueOf(a.getValue()));
            }
        }
        assertThat(values).isNotEmpty();
        return values;
    }
}
