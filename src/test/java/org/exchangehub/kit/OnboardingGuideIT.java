package org.exchangehub.kit;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/onboarding.md is true: every command in it runs, in order, in a fresh copy of the project, and prints what
 * the guide shows; the files it says a command drafts are drafted as shown; the edits it shows are the ones made.
 */
class OnboardingGuideIT {

    @TestFactory
    Stream<DynamicTest> theOnboardingGuideRunsAsWritten() {
        ProjectCopy project = ProjectCopy.create().withDocExamples();
        GuideRunner guide = new GuideRunner(Path.of("docs/onboarding.md"), project.root);
        return guide.steps().stream().map(step -> DynamicTest.dynamicTest(
                "line " + (step.line() + 1) + ": " + step.kind() + " " + step.target(), () -> guide.run(step)));
    }
}
