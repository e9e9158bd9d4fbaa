package org.exchangehub.kit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a Markdown guide the way an engineer follows it, in a fresh copy of the project: every fenced block with
 * {@code $ command} lines is run in order with bash in the copy's folder ({@code java -jar target/exchange-hub.jar}
 * becomes the hub's main class on the test's class path, so no packaging is needed), and the lines shown under
 * a command must appear in its output in that order ({@code ...} stands for any lines; run ids, times and
 * durations may differ). Two HTML comments before a block make the guide's files real:
 * {@code <!-- guide: write PATH -->} writes the block to PATH (the engineer's edit), and
 * {@code <!-- guide: expect PATH -->} checks that PATH (what a command drafted) holds exactly the block.
 * {@code $ mvn ...} commands are the suite's own (CI runs them) and are not run again.
 */
final class GuideRunner {

    private static final Pattern FENCE = Pattern.compile("^```");
    private static final Pattern DIRECTIVE = Pattern.compile("^<!-- guide: (write|expect) (\\S+) -->$");
    private static final String HUB = "java -jar target/exchange-hub.jar";
    private static final long TIMEOUT_SECONDS = 180;

    /** A step of the guide: a command and the lines it must print, or a file to write or check. */
    record Step(int line, String kind, String target, List<String> body) {
    }

    private final Path guide;
    private final Path project;

    GuideRunner(Path guide, Path project) {
        this.guide = guide;
        this.project = project;
    }

    /** The steps of the guide, in order. */
    List<Step> steps() {
        List<String> lines;
        try {
            lines = Files.readAllLines(guide, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Step> steps = new ArrayList<>();
        String directive = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher d = DIRECTIVE.matcher(line.trim());
            if (d.matches()) {
                directive = d.group(1) + " " + d.group(2);
                continue;
            }
            if (!FENCE.matcher(line).find()) {
                if (!line.isBlank()) {
                    directive = null;
                }
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            List<String> block = lines.subList(start, end);
            if (directive != null) {
                String[] parts = directive.split(" ", 2);
                steps.add(new Step(start, parts[0], parts[1], List.copyOf(block)));
            } else {
                commands(start, block, steps);
            }
            directive = null;
            i = end;
        }
        return steps;
    }

    private static void commands(int start, List<String> block, List<Step> steps) {
        String command = null;
        int at = 0;
        List<String> expected = new ArrayList<>();
        for (int j = 0; j < block.size(); j++) {
            String l = block.get(j);
            if (l.startsWith("$ ")) {
                if (command != null) {
                    steps.add(new Step(start + at, "run", command, List.copyOf(expected)));
                }
                command = l.substring(2);
                at = j;
                expected.clear();
                // a command continued on the next lines with a trailing backslash
                while (command.endsWith("\\") && j + 1 < block.size()) {
                    command = command.substring(0, command.length() - 1) + " " + block.get(++j).trim();
                }
            } else if (command != null) {
                expected.add(l);
            }
        }
        if (command != null) {
            steps.add(new Step(start + at, "run", command, List.copyOf(expected)));
        }
    }

    /** Carries out one step; throws AssertionError naming the guide's line when the guide is not true. */
    void run(Step step) {
        switch (step.kind()) {
            case "write" -> write(step);
            case "expect" -> expect(step);
            default -> command(step);
        }
    }

    private void write(Step step) {
        try {
            Path file = project.resolve(step.target());
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", step.body()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void expect(Step step) {
        Path file = project.resolve(step.target());
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(where(step) + ": " + step.target() + " does not exist");
        }
        try {
            List<String> actual = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!actual.equals(step.body())) {
                throw new AssertionError(where(step) + ": " + step.target() + " differs from the guide; it holds:\n"
                        + String.join("\n", actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void command(Step step) {
        if (step.target().startsWith("mvn ")) {
            return;
        }
        String command = step.target().replace(HUB, "java -cp \"$HUB_CLASSPATH\" org.exchangehub.ExchangeHubApplication");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(project.toFile())
                .redirectErrorStream(true);
        pb.environment().put("HUB_CLASSPATH", hubClassPath());
        String output;
        try {
            Process p = pb.start();
            byte[] bytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(where(step) + ": `" + step.target() + "` did not end");
            }
            output = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        List<String> actual = output.lines().map(GuideRunner::normalise).toList();
        int from = 0;
        for (String shown : step.body()) {
            String want = normalise(shown);
            if (want.isEmpty() || want.equals("...")) {
                continue;
            }
            int found = -1;
            for (int k = from; k < actual.size(); k++) {
                if (actual.get(k).equals(want)) {
                    found = k;
                    break;
                }
            }
            if (found < 0) {
                throw new AssertionError(where(step) + ": `" + step.target() + "` did not print\n  " + shown
                        + "\nit printed:\n" + output);
            }
            from = found + 1;
        }
    }

    private String where(Step step) {
        return guide + ":" + (step.line() + 1);
    }

    /** Whitespace collapsed; run ids, clock times and durations replaced, as they differ from run to run. */
    static String normalise(String line) {
        return line.trim().replaceAll("\\s+", " ")
                .replaceAll("\\d{8}T\\d{6,9}Z-[0-9a-f]{6}", "RUN")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z?", "TIME")
                .replaceAll("\\d+ ms\\b", "N ms");
    }

    /** The hub's class path without the tests' classes and settings: what the packaged jar holds. */
    private static String hubClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(cp.split(File.pathSeparator))
                .filter(e -> !e.replace('\\', '/').endsWith("/test-classes") && !e.contains("test-classes" + File.separator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
