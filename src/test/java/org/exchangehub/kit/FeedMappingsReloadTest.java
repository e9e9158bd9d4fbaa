package org.exchangehub.kit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;

import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.unify.BatchMapper;
import org.exchangehub.unify.FeedMappings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedMappingsReloadTest {

    private static final String NAME = "market-regulation-enterprises";

    private static FeedMappings mappings(ProjectCopy copy) {
        Path config = copy.file("config");
        return FeedMappings.load(config.resolve("mappings"), CatalogueLoader.load(config.resolve("catalogue")),
                DivisionCodes.loadIfPresent(config.resolve("codes/divisions.csv")), Clock.systemUTC());
    }

    private static void touch(Path file) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    }

    @Test
    void brokenEditKeepsTheLastGoodMapping() throws Exception {
        ProjectCopy copy = ProjectCopy.create();
        FeedMappings mappings = mappings(copy);
        mappings.reloadOnChange(true);
        BatchMapper good = mappings.current(NAME);
        copy.write("config/mappings/" + NAME + ".yaml", "dataset: nonsense\n");
        touch(copy.file("config/mappings/" + NAME + ".yaml"));
        assertThat(mappings.current(NAME)).isSameAs(good);
    }

    @Test
    void withoutReloadAnEditIsIgnored() throws Exception {
        ProjectCopy copy = ProjectCopy.create();
        FeedMappings mappings = mappings(copy);
        BatchMapper loaded = mappings.current(NAME);
        copy.edit("config/mappings/" + NAME + ".yaml", "{ from: FDDBR }", "{ from: QYMC }");
        touch(copy.file("config/mappings/" + NAME + ".yaml"));
        assertThat(mappings.current(NAME)).isSameAs(loaded);
    }

    @Test
    void changedFileIsReadAgain() throws Exception {
        ProjectCopy copy = ProjectCopy.create();
        FeedMappings mappings = mappings(copy);
        mappings.reloadOnChange(true);
        copy.edit("config/mappings/" + NAME + ".yaml", "{ from: FDDBR }", "{ from: QYMC }");
        touch(copy.file("config/mappings/" + NAME + ".yaml"));
        assertThat(mappings.current(NAME).mapping().field("legal_rep_name").from()).isEqualTo("QYMC");
    }
}
