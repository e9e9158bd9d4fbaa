package org.exchangehub.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code validate} checks a table feed's split options as written, with the file, line, option, value and fix. */
class JdbcSplitValidateTest {

    private static final String ROUTE = "routes/market-regulation-enterprises.yaml";
    private static final String KEY = "route[market-regulation.enterprises].from.parameters.";

    private static ProjectCopy withSplit(String options) {
        return ProjectCopy.create().edit(ROUTE, "changeColumn: GXSJ", "changeColumn: GXSJ\n        " + options);
    }

    @Test
    void aSplitColumnWithChunksIsValid() {
        assertThat(withSplit("splitColumn: ID\n        splitChunks: 4\n        splitThreads: 2").problems()).isEmpty();
    }

    @Test
    void aSplitColumnWithoutChunksIsReported() {
        assertThat(withSplit("splitColumn: ID").problems()).singleElement().asString()
                .contains(KEY + "splitColumn = 'ID': splitColumn needs splitChunks")
                .contains("Fix: add splitChunks");
    }

    @Test
    void chunksWithoutASplitColumnAreReported() {
        assertThat(withSplit("splitChunks: 4").problems()).singleElement().asString()
                .contains(KEY + "splitChunks = '4': splitChunks needs splitColumn");
    }

    @Test
    void zeroChunksWithASplitColumnAreReported() {
        assertThat(withSplit("splitColumn: ID\n        splitChunks: 0").problems()).singleElement().asString()
                .contains(KEY + "splitColumn = 'ID': splitColumn needs splitChunks");
    }

    @Test
    void chunksThatAreNotAWholeNumberInRangeAreReported() {
        assertThat(withSplit("splitColumn: ID\n        splitChunks: -2").problems()).anySatisfy(p -> assertThat(p)
                .contains(KEY + "splitChunks = '-2': not a whole number from 0 to 10000"));
    }

    @Test
    void zeroThreadsAreReported() {
        assertThat(withSplit("splitColumn: ID\n        splitChunks: 4\n        splitThreads: 0").problems())
                .singleElement().asString().contains(KEY + "splitThreads = '0': not a whole number from 1 to 64");
    }

    @Test
    void aSplitColumnWithSqlInItIsReported() {
        assertThat(withSplit("splitColumn: \"ID; DROP TABLE x\"\n        splitChunks: 4").problems()).singleElement()
                .asString().contains(KEY + "splitColumn = 'ID; DROP TABLE x': not a plain column name");
    }

    @Test
    void splitOptionsGivenAsPlaceholdersAreLeftToStartUp() {
        assertThat(withSplit("splitColumn: ID\n        splitChunks: \"{{mr.chunks}}\"").problems()).isEmpty();
    }
}
