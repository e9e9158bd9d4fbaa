package org.exchangehub.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.catalogue.DivisionCodes;
import org.junit.jupiter.api.Test;

/** The build rejects a bad catalogue or mapping: the project's own config/ must load and compile. */
class ProjectConfigTest {

    @Test
    void catalogueDivisionTableAndEveryMappingAreValid() {
        Catalogue catalogue = CatalogueLoader.load(Path.of("config/catalogue"));
        DivisionCodes divisions = DivisionCodes.loadIfPresent(Path.of("config/codes/divisions.csv"));
        Map<String, Mapping> mappings = MappingLoader.loadAll(Path.of("config/mappings"), catalogue, divisions);

        assertThat(divisions.configured()).isTrue();
        assertThat(mappings).containsKey("market-regulation-enterprises");
        mappings.values().forEach(m -> assertThat(new RecordMapper(m).dataset()).isSameAs(m.dataset()));
    }
}
