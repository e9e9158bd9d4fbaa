package org.exchangehub.mapping;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.feed.SourceLayout;
import org.exchangehub.feed.SourceRecord;

/** The project's real catalogue and division table, a fixed clock, and a way to build source rows. */
final class Fixtures {

    static final Catalogue CATALOGUE = CatalogueLoader.load(Path.of("config/catalogue"));
    static final DivisionCodes DIVISIONS = DivisionCodes.load(Path.of("config/codes/divisions.csv"));
    /** "Today" is 2026-11-28 in Shanghai. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private Fixtures() {
    }

    static RecordMapper mapper(Path mappingFile) {
        return new RecordMapper(MappingLoader.load(mappingFile, CATALOGUE, DIVISIONS), CLOCK);
    }

    static Path testMapping(String id) {
        return Path.of("src/test/resources/mapping/" + id + ".yaml");
    }

    /** Builds rows of one layout: {@code row(key, v1, v2, ...)} aligned to the columns. */
    static final class Rows {
        final SourceLayout layout;

        Rows(String... columns) {
            layout = new SourceLayout(Arrays.asList(columns));
        }

        SourceRecord row(String key, Object... values) {
            if (values.length != layout.size()) {
                throw new IllegalArgumentException("expected " + layout.size() + " values");
            }
            return new SourceRecord(key, layout, values);
        }

        List<SourceRecord> rows(SourceRecord... rs) {
            return List.of(rs);
        }
    }
}
