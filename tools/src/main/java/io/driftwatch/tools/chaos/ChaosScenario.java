package io.driftwatch.tools.chaos;

/**
 * One fault, hostile input or load the service must survive. A scenario reports what it did with
 * {@link ChaosRun#did} and what it checked with {@link ChaosRun#check}; it throws only when it could not
 * carry out the fault at all, which the suite counts as one failed check.
 */
public interface ChaosScenario {
    /** A short lowercase name, used by {@code --scenario} and as the test's name. */
    String name();

    /** One line: the fault and the promise it tests. */
    String summary();

    /** Injects the fault into a fresh setup of its own and checks the promise; sizes come from {@link ChaosRun#full()}. */
    void run(ChaosRun run) throws Exception;
}
