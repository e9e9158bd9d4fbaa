package org.exchangehub.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.exchangehub.testing.HubTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A copy of the project's routes/, connectors/ and config/ in a temporary folder, for tests that break one file. */
final class ProjectCopy {

    final Path root;

    private ProjectCopy(Path root) {
        this.root = root;
    }

    static ProjectCopy create() {
        Path root = HubTestSupport.tempDir("kit-project");
        for (String dir : List.of("routes", "connectors", "config")) {
            copy(Path.of(dir), root.resolve(dir));
        }
        return new ProjectCopy(root);
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code docs/examples/} (the guides' sample files) to the copy. */
    ProjectCopy withDocExamples() {
        copy(Path.of("docs/examples"), root.resolve("docs/examples"));
        return this;
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    /** Replaces text in a file of the copy (the text must be there). */
    ProjectCopy edit(String relative, String from, String to) {
        try {
            String text = Files.readString(file(relative));
            assertThat(text).as("text to replace in " + relative).contains(from);
            Files.writeString(file(relative), text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProjectCopy write(String relative, String text) {
        try {
            Files.createDirectories(file(relative).getParent());
            Files.writeString(file(relative), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Validator.Project project() {
        return new Validator.Project(file("routes"), file("connectors"), file("config"),
                Set.of("marketRegulationDb", "warehouseDb"));
    }

    List<String> problems() {
        String prefix = root + java.io.File.separator;
        return Validator.validate(project()).stream().map(Problem::toString).map(l -> l.replace(prefix, "")).toList();
    }
}
