package org.exchangehub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.exchangehub.config.ConfigException;
import org.exchangehub.config.HubProperties;
import org.exchangehub.state.JdbcStateStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;

/**
 * {@code hub.cluster.*}: off by default, the JDBC lock service or Camel's file lock service by configuration, and
 * each bad setting stopping start-up with its key, its value and the fix.
 */
class ClusterConfigurationTest {

    @TempDir
    Path shared;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Wiring.class, ClusterConfiguration.class);

    @EnableConfigurationProperties({ClusterProperties.class, HubProperties.class})
    static class Wiring {

        @Bean
        DataSource stateDataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:cluster-config;DB_CLOSE_DELAY=-1");
            return ds;
        }

        @Bean
        JdbcStateStore stateStore(DataSource stateDataSource) {
            return new JdbcStateStore(stateDataSource);
        }
    }

    @Test
    void clusterModeIsOffByDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(CamelClusterService.class)
                    .doesNotHaveBean(CamelContextConfiguration.class);
            assertThat(context.getBean(ClusterProperties.class).enabled()).isFalse();
        });
    }

    @Test
    void theJdbcServiceIsTheDefaultOnceClusterModeIsOn() {
        runner.withPropertyValues("hub.cluster.enabled=true").run(context ->
                assertThat(context).hasNotFailed().getBean(CamelClusterService.class)
                        .isInstanceOf(JdbcLockClusterService.class));
    }

    @Test
    void theFileServiceLocksInTheSharedFolder() {
        runner.withPropertyValues("hub.cluster.enabled=true", "hub.cluster.service=file",
                "hub.cluster.file-root=" + shared).run(context -> {
                    assertThat(context).hasNotFailed();
                    FileLockClusterService files = (FileLockClusterService) context.getBean(CamelClusterService.class);
                    assertThat(Path.of(files.getRoot())).isEqualTo(shared.toAbsolutePath());
                });
    }

    @Test
    void anUnknownServiceStopsStartUp() {
        assertStartUpStops("hub.cluster.service", "zookeeper", "use jdbc", "hub.cluster.service=zookeeper");
    }

    @Test
    void aLeaseTooShortStopsStartUp() {
        assertStartUpStops("hub.cluster.lease", "PT0.5S", "give a lease such as 15s", "hub.cluster.lease=500ms");
    }

    @Test
    void theFileServiceWithoutAFolderStopsStartUp() {
        assertStartUpStops("hub.cluster.file-root", "", "name a folder every instance shares",
                "hub.cluster.service=file");
    }

    @Test
    void theFileServiceOnAFileStopsStartUp() throws Exception {
        Path file = Files.writeString(shared.resolve("not-a-folder"), "x");
        assertStartUpStops("hub.cluster.file-root", file.toString(), "is a file", "hub.cluster.service=file",
                "hub.cluster.file-root=" + file);
    }

    @Test
    void clusterModeWithOnceStopsStartUp() {
        assertStartUpStops("hub.cluster.enabled", "true", "run --once without hub.cluster.enabled", "hub.once=true");
    }

    @Test
    void theInstanceIdIsHostnameAndPidUnlessGiven() {
        runner.run(context -> assertThat(context.getBean(ClusterProperties.class).instance())
                .endsWith("-" + ProcessHandle.current().pid()));
        runner.withPropertyValues("hub.cluster.instance-id= hub-a ").run(context ->
                assertThat(context.getBean(ClusterProperties.class).instance()).isEqualTo("hub-a"));
    }

    /** Cluster mode on with {@code settings}: start-up stops on a configuration problem of key and value. */
    private void assertStartUpStops(String key, String value, String inMessage, String... settings) {
        runner.withPropertyValues("hub.cluster.enabled=true").withPropertyValues(settings)
                .run(context -> assertConfigProblem(context, key, value, inMessage));
    }

    private static void assertConfigProblem(AssertableApplicationContext context, String key, String value,
            String inMessage) {
        assertThat(context).hasFailed();
        Throwable t = context.getStartupFailure();
        while (t != null && !(t instanceof ConfigException)) {
            t = t.getCause();
        }
        assertThat(t).as("a configuration problem").isInstanceOf(ConfigException.class);
        ConfigException problem = (ConfigException) t;
        assertThat(problem.key()).isEqualTo(key);
        assertThat(problem.value()).isEqualTo(value);
        assertThat(problem.getMessage()).contains(inMessage);
        assertThat(problem.fix()).isNotBlank();
    }
}
