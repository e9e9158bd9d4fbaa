package org.exchangehub.config;

import java.util.List;

import org.exchangehub.feed.FeedRegistry;
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
        List<RunRecord> runs = new OnceRunner(registry).runAll();
        System.out.println();
        OnceRunner.print(runs, System.out);
        exitCode = OnceRunner.exitCode(runs);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
