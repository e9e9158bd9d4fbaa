package org.exchangehub.unify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.config.ConfigException;
import org.exchangehub.mapping.Mapping;
import org.exchangehub.mapping.MappingLoader;
import org.exchangehub.mapping.RecordMapper;

/**
 * Every feed mapping of {@code config/mappings/}, loaded and checked against the catalogue at start-up so
 * that a bad mapping stops the hub before any feed runs.
 */
public final class FeedMappings {

    private final Path dir;
    private final Catalogue catalogue;
    private final DivisionCodes divisions;
    private final Clock clock;
    private volatile Map<String, BatchMapper> mappers;

    private FeedMappings(Path dir, Catalogue catalogue, DivisionCodes divisions, Clock clock,
            Map<String, BatchMapper> mappers) {
        this.dir = dir;
        this.catalogue = catalogue;
        this.divisions = divisions;
        this.clock = clock;
        this.mappers = mappers;
    }

    /** Loads every {@code *.yaml} in {@code dir}; throws the first {@link ConfigException}. */
    public static FeedMappings load(Path dir, Catalogue catalogue, DivisionCodes divisions, Clock clock) {
        return new FeedMappings(dir, catalogue, divisions, clock, read(dir, catalogue, divisions, clock));
    }

    /**
     * Reads the mapping files again (operations: after a mapping fix) and uses them from the next batch on.
     * All or nothing: a file with a problem throws its {@link ConfigException} and the loaded mappings stay.
     * A mapping that was removed stays loaded, since a running route may still use it.
     *
     * @return the names of the mappings read
     */
    public synchronized Set<String> reload() {
        Map<String, BatchMapper> fresh = read(dir, catalogue, divisions, clock);
        Map<String, BatchMapper> merged = new TreeMap<>(mappers);
        merged.putAll(fresh);
        mappers = merged;
        return fresh.keySet();
    }

    private static Map<String, BatchMapper> read(Path dir, Catalogue catalogue, DivisionCodes divisions,
            Clock clock) {
        Map<String, BatchMapper> mappers = new TreeMap<>();
        for (Path file : files(dir)) {
            Mapping mapping = MappingLoader.load(file, catalogue, divisions);
            String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            mappers.put(name, new BatchMapper(mapping, mapping.dataset(), new RecordMapper(mapping, clock)));
        }
        return mappers;
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir.toString(), null, null, "the mappings folder does not exist",
                    "start the hub in the project folder or set hub.config-dir");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(dir.toString(), null, null, "cannot list the mappings: " + e.getMessage(), null);
        }
    }

    public Set<String> names() {
        return mappers.keySet();
    }

    /** The mapper of a mapping name (file name without .yaml). */
    public BatchMapper mapper(String name) {
        BatchMapper m = mappers.get(name);
        if (m == null) {
            throw new ConfigException(dir.resolve(name + ".yaml").toString(), "mapping", name, "no such mapping",
                    "create the file, or use one of " + mappers.keySet());
        }
        return m;
    }
}
