package org.exchangehub.config;

import java.util.List;

import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.feed.FeedSelection;
import org.exchangehub.feed.OnceRunner;
import org.exchangehub.state.RunRecord;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** With {@code --once}: after start-up, runs every feed once, prints the summary and sets the exit code. */
@Component
@ConditionalOnProperty(name = "hub.once", havingValue = "true")
final class OnceMode implements ApplicationRunner, ExitCodeGenerator {

    private final FeedRegistry registry;
    private volatile int exitCode = 1;

    OnceMode(FeedRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<RunRecord> runs;
        try {
            runs = new OnceRunner(registry).run(FeedSelection.of(feeds(args)));
        } catch (IllegalArgumentException e) {
            System.out.println();
            System.out.println(e.getMessage());
            exitCode = 2;
            return;
        }
        System.out.println();
        OnceRunner.print(runs, System.out);
        exitCode = OnceRunner.exitCode(runs);
    }

    /** {@code --feeds=PATTERNS} (the application joins {@code --feeds PATTERNS} into that form), else every feed. */
    private static String feeds(ApplicationArguments args) {
        List<String> values = args.getOptionValues("feeds");
        return values == null ? null : String.join(",", values);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
