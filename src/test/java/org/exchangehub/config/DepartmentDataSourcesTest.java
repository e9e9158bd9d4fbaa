package org.exchangehub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DepartmentDataSourcesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(DepartmentDataSources.class);

    @Test
    void aConfiguredDepartmentDatabaseBecomesAReadOnlyDataSourceBeanOfThatName() {
        runner.withPropertyValues("hub.datasources.cityDb.url=jdbc:h2:mem:city-db;DB_CLOSE_DELAY=-1",
                "hub.datasources.cityDb.username=sa").run(context -> {
                    HikariDataSource ds = context.getBean("cityDb", HikariDataSource.class);
                    try (Connection c = ds.getConnection()) {
                        assertThat(c.isValid(1)).isTrue();
                    }
                    assertThat(ds.isReadOnly()).isTrue();
                    assertThat(ds.getMaximumPoolSize()).isEqualTo(2);
                });
    }

    @Test
    void aDepartmentDatabaseIsNeverTheDefaultDataSourceCandidate() {
        runner.withPropertyValues("hub.datasources.cityDb.url=jdbc:h2:mem:city-db2").run(context ->
                assertThat(((org.springframework.beans.factory.support.AbstractBeanDefinition) context.getBeanFactory()
                        .getBeanDefinition("cityDb")).isDefaultCandidate()).isFalse());
    }

    @Test
    void aDepartmentDatabaseWithoutUrlStopsStartUpNamingTheKey() {
        runner.withPropertyValues("hub.datasources.cityDb.username=reader").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("hub.datasources.cityDb.url").hasMessageContaining("Fix:");
        });
    }

    @Test
    void aPasswordNeverShowsInItsTextForm() {
        assertThat(Secret.valueOf("s3cret-Pa55").toString()).doesNotContain("s3cret");
        assertThat(Secret.valueOf("s3cret-Pa55").reveal()).isEqualTo("s3cret-Pa55");
    }
}
