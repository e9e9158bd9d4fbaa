package org.exchangehub.kit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.config.ConfigException;
import org.exchangehub.config.ConnectorCatalogue;
import org.exchangehub.config.RouteValidator;

/**
 * {@code validate}: checks every connector, route, mapping and catalogue file of a project without starting
 * anything, and returns every problem with its file and line.
 */
public final class Validator {

    /**
     * Where a project's files are and which data sources it configures.
     *
     * @param dataSources the DataSource bean names routes may use
     * @param routeFiles  the route files to check (those the profile's patterns select), or null for every
     *                    {@code *.yaml} in {@code routes}
     * @param patternProblems problems of the routes patterns themselves (a pattern that matches no file)
     */
    public record Project(Path routes, Path connectors, Path config, Set<String> dataSources, List<Path> routeFiles,
            List<ConfigException> patternProblems) {

        public Project(Path routes, Path connectors, Path config, Set<String> dataSources) {
            this(routes, connectors, config, dataSources, null, List.of());
        }
    }

    private Validator() {
    }

    /** Every problem of the project, in file order; empty when the project is fine. */
    public static List<Problem> validate(Project project) {
        List<ConfigException> found = new ArrayList<>();
        Catalogue catalogue = catalogue(project.config().resolve("catalogue"), found);
        DivisionCodes divisions = DivisionCodes.loadIfPresent(project.config().resolve("codes").resolve("divisions.csv"));
        Set<String> mappings = new TreeSet<>();
        for (Path file : yamlFiles(project.config().resolve("mappings"), ".yaml", found)) {
            mappings.add(file.getFileName().toString().replaceFirst("\\.yaml$", ""));
            if (catalogue != null) {
                found.addAll(MappingCheck.check(file, catalogue, divisions));
            }
        }
        ConnectorCatalogue connectors = ConnectorCatalogue.load(project.connectors(), found);
        found.addAll(project.patternProblems());
        RouteValidator structure = new RouteValidator(connectors, mappings);
        List<Path> routeFiles = project.routeFiles();
        if (routeFiles == null) {
            structure.validate(project.routes(), found);
            routeFiles = yamlFiles(project.routes(), ".yaml", new ArrayList<>());
        } else {
            structure.validate(routeFiles, found);
        }
        RouteCheck routes = new RouteCheck(project.dataSources());
        for (Path file : routeFiles) {
            routes.check(file, found);
        }
        List<Problem> problems = new ArrayList<>();
        for (ConfigException e : found) {
            problems.add(Problem.of(e, YamlLines.lineOf(e.file(), e.key())));
        }
        return problems;
    }

    private static Catalogue catalogue(Path dir, List<ConfigException> found) {
        List<Dataset> datasets = new ArrayList<>();
        for (Path file : yamlFiles(dir, ".yaml", found)) {
            try {
                datasets.add(CatalogueLoader.loadDataset(file));
            } catch (ConfigException e) {
                found.add(e);
            }
        }
        return datasets.isEmpty() ? null : new Catalogue(datasets);
    }

    static List<Path> yamlFiles(Path dir, String suffix, List<ConfigException> found) {
        if (!Files.isDirectory(dir)) {
            found.add(new ConfigException(dir.toString(), null, null, "the folder does not exist",
                    "run the command in the project folder (where routes/, connectors/ and config/ are)"));
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            found.add(new ConfigException(dir.toString(), null, null, "cannot be listed: " + e.getMessage(), null));
            return List.of();
        }
    }
}
