package org.exchangehub.sink.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exchangehub.sink.lake.LakeTestData.legalEntities;
import static org.exchangehub.sink.lake.LakeTestData.legalEntityBatch;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.exchangehub.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeComponentTest {

    @TempDir
    Path root;

    private CamelContext camel;

    @BeforeEach
    void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void componentIsFoundByItsScheme() {
        assertThat(camel.getComponent("lake")).isInstanceOf(LakeComponent.class);
    }

    @Test
    void uriOptionsBindToTheEndpoint() {
        LakeEndpoint endpoint = camel.getEndpoint(
                "lake:legal_entity?root=/x&compression=ZSTD&rowGroupSize=1048576&zone=UTC", LakeEndpoint.class);

        assertThat(endpoint.getName()).isEqualTo("legal_entity");
        assertThat(endpoint.getRoot()).isEqualTo("/x");
        assertThat(endpoint.lakeOptions()).isEqualTo(new LakeOptions(LakeCompression.ZSTD, 1048576, ZoneId.of("UTC")));
    }

    @Test
    void optionsDefaultToZstdBinaryHashShanghaiAndTheDataLakeFolder() {
        LakeEndpoint endpoint = camel.getEndpoint("lake:person", LakeEndpoint.class);

        assertThat(endpoint.getRoot()).isEqualTo("data/lake");
        assertThat(endpoint.lakeOptions()).isEqualTo(LakeOptions.defaults());
        assertThat(endpoint.lakeOptions().compression()).isEqualTo(LakeCompression.ZSTD);
        assertThat(endpoint.lakeOptions().recordHash()).isEqualTo(RecordHashFormat.BINARY);
    }

    @Test
    void recordHashOptionBindsToTheEndpoint() {
        LakeEndpoint endpoint = camel.getEndpoint("lake:person?recordHash=hex", LakeEndpoint.class);

        assertThat(endpoint.lakeOptions().recordHash()).isEqualTo(RecordHashFormat.HEX);
    }

    @Test
    void textCompressionLevelBindsToTheEndpointAndDefaultsToSix() {
        LakeEndpoint endpoint = camel.getEndpoint("lake:person?textCompressionLevel=9", LakeEndpoint.class);

        assertThat(endpoint.lakeOptions().textLevel()).isEqualTo(9);
        assertThat(camel.getEndpoint("lake:person", LakeEndpoint.class).lakeOptions().textLevel()).isEqualTo(6);
    }

    @Test
    void textCompressionLevelOutsideZstdsLevelsFailsAtEndpointCreationNamingTheOption() {
        assertThatThrownBy(() -> camel.getEndpoint("lake:person?textCompressionLevel=23"))
                .rootCause()
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("lake://person?textCompressionLevel=23: textCompressionLevel = '23': not a"
                        + " ZSTD level. Fix: give a level from 1 to 22, e.g. 6");
    }

    @Test
    void unknownRecordHashFormatFailsAtEndpointCreationNamingTheOptionAndAllowedValues() {
        assertThatThrownBy(() -> camel.getEndpoint("lake:person?recordHash=base64"))
                .rootCause()
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("lake://person?recordHash=base64: recordHash = 'base64': unknown record hash"
                        + " format. Fix: use one of BINARY, HEX");
    }

    @Test
    void producerWritesTheBatchAndListsTheFileInTheExchange() throws Exception {
        ProducerTemplate template = camel.createProducerTemplate();
        String uri = "lake:legal_entity?root=" + root + "&compression=SNAPPY";

        Exchange first = template.send(uri, e -> e.getIn().setBody(legalEntityBatch("r1", 0, legalEntities())));
        Exchange second = template.send(uri, e -> {
            e.setProperty(LakeComponent.LAKE_FILES, first.getProperty(LakeComponent.LAKE_FILES));
            e.getIn().setBody(legalEntityBatch("r1", 1, legalEntities()));
        });

        assertThat(second.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<LakeFile> files = second.getProperty(LakeComponent.LAKE_FILES, List.class);
        assertThat(files).extracting(LakeFile::path).containsExactly(
                "legal_entity/dt=2026-11-03/part-r1-00000.parquet", "legal_entity/dt=2026-11-03/part-r1-00001.parquet");
        try (DuckDb duck = new DuckDb()) {
            assertThat(duck.query("SELECT DISTINCT compression FROM parquet_metadata("
                    + DuckDb.literal(root.resolve(files.get(1).path())) + ") WHERE path_in_schema <> '_record_hash'"))
                    .containsExactly(Map.of("compression", "SNAPPY"));
        }
    }

    @Test
    void emptyBatchAddsNoFileToTheExchange() {
        Exchange exchange = camel.createProducerTemplate().send("lake:legal_entity?root=" + root,
                e -> e.getIn().setBody(legalEntityBatch("r1", 0, new Object[0][])));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getProperty(LakeComponent.LAKE_FILES)).isNull();
    }

    @Test
    void aBodyThatIsNotABatchFailsTheExchange() {
        Exchange exchange = camel.createProducerTemplate().send("lake:legal_entity?root=" + root,
                e -> e.getIn().setBody("not a batch"));

        assertThat(exchange.getException()).hasMessageContaining("Batch");
    }

    @Test
    void unknownCompressionFailsAtEndpointCreationNamingTheOptionAndAllowedValues() {
        assertThatThrownBy(() -> camel.getEndpoint("lake:legal_entity?compression=LZO"))
                .rootCause()
                .isInstanceOf(ConfigException.class)
                .hasMessage("lake://legal_entity?compression=LZO: compression = 'LZO': unknown lake compression. "
                        + "Fix: use one of SNAPPY, ZSTD, GZIP, UNCOMPRESSED");
    }

    @Test
    void unknownZoneFailsAtEndpointCreation() {
        assertThatThrownBy(() -> camel.getEndpoint("lake:legal_entity?zone=Mars/Olympus"))
                .rootCause()
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("zone = 'Mars/Olympus': unknown time zone");
    }

    @Test
    void nonPositiveRowGroupSizeFailsAtEndpointCreation() {
        assertThatThrownBy(() -> camel.getEndpoint("lake:legal_entity?rowGroupSize=0"))
                .rootCause()
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rowGroupSize = '0': row group size must be positive");
    }

    @Test
    void misspelledOptionFailsAtEndpointCreation() {
        assertThatThrownBy(() -> camel.getEndpoint("lake:legal_entity?compresion=ZSTD"))
                .hasMessageContaining("compresion");
    }
}
