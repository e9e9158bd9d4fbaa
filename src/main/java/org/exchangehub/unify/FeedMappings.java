package org.exchangehub.unify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.config.ConfigException;
import org.exchangehub.mapping.Mapping;
import org.exchangehub.mapping.MappingLoader;
import org.exchangehub.mapping.RecordMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every feed mapping of {@code config/mappings/}, loaded and checked against the catalogue at start-up so
 * that a bad mapping stops the hub before any feed runs. In development ({@link #reloadOnChange}) a mapping whose
 * file changed is read again before the next batch uses it; a broken edit is logged and the last good one kept.
 */
public final class FeedMappings {

    private static final Logger LOG = LoggerFactory.getLogger(FeedMappings.class);

    private final Path dir;
    private final Catalogue catalogue;
    private final DivisionCodes divisions;
    private final Clock clock;
    private final Map<String, FileTime> loadedAt = new ConcurrentHashMap<>();
    private volatile Map<String, BatchMapper> mappers;
    private volatile boolean reload;

    private FeedMappings(Path dir, Catalogue catalogue, DivisionCodes divisions, Clock clock,
            Map<String, BatchMapper> mappers) {
        this.dir = dir;
        this.catalogue = catalogue;
        this.divisions = divisions;
        this.clock = clock;
        this.mappers = new ConcurrentSkipListMap<>(mappers);
        mappers.keySet().forEach(name -> loadedAt.put(name, modified(dir.resolve(name + ".yaml"))));
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
        Map<String, BatchMapper> merged = new ConcurrentSkipListMap<>(mappers);
        merged.putAll(fresh);
        mappers = merged;
        fresh.keySet().forEach(name -> loadedAt.put(name, modified(dir.resolve(name + ".yaml"))));
        return fresh.keySet();
    }

    /** Development: re-read a mapping whose file changed before its next batch. */
    public void reloadOnChange(boolean enabled) {
        this.reload = enabled;
    }

    public boolean reloadsOnChange() {
        return reload;
    }

    /**
     * The current mapper of a mapping name for the next batch: with reload on, re-read when the file's modification
     * time moved (one file-status call per batch). A broken edit keeps the last good mapping in use.
     */
    public BatchMapper current(String name) {
        BatchMapper m = mapper(name);
        if (!reload) {
            return m;
        }
        Path file = dir.resolve(name + ".yaml");
        FileTime now = modified(file);
        if (now == null || now.equals(loadedAt.get(name))) {
            return m;
        }
        loadedAt.put(name, now);
        try {
            Mapping mapping = MappingLoader.load(file, catalogue, divisions);
            BatchMapper fresh = new BatchMapper(mapping, mapping.dataset(), new RecordMapper(mapping, clock));
            mappers.put(name, fresh);
            LOG.info("mapping {} reloaded from {}", name, file);
            return fresh;
        } catch (ConfigException e) {
            LOG.error("mapping {} not reloaded, the last good one stays in use: {}", name, e.getMessage());
            return m;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
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
