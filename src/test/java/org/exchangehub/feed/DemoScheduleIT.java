package org.exchangehub.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hub as it starts with no configuration: the demo feed runs on its schedule and fills the lake. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DemoScheduleIT {

    private static final Path LAKE = HubTestSupport.tempDir("lake");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.isolatedHub(registry, LAKE);
    }

    @Autowired
    CamelContext camel;

    @Test
    void scheduledRunWritesParquetFilesIntoTheLakeWithinAMinute() throws IOException {
        NotifyBuilder firstBatch = new NotifyBuilder(camel).from("jdbc-incremental:*").whenCompleted(1).create();

        assertThat(firstBatch.matches(60, TimeUnit.SECONDS)).as("a batch of the demo feed completed").isTrue();
        try (Stream<Path> files = Files.walk(LAKE.resolve("legal_entity"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".parquet"))).isNotEmpty();
        }
    }
}
