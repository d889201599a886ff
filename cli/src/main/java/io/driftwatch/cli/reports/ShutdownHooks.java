package io.driftwatch.cli.reports;

import io.driftwatch.cli.ExitCode;

/**
 * Where {@code --follow} registers what Ctrl-C runs: the JVM's shutdown hooks in production, a hook the test runs
 * itself in the integration test, so the test stops the command through the very path Ctrl-C takes.
 */
interface ShutdownHooks {
    ShutdownHooks RUNTIME = new ShutdownHooks() {
        @Override
        public void add(Thread hook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void remove(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running and is what ended the read.
            }
        }

        @Override
        public void endedCleanly() {
            // A JVM stopped by a signal exits 128 + the signal (130 for Ctrl-C) once its hooks return, whatever main
            // returned; for --follow, Ctrl-C is the normal end, and what was read is flushed, so it exits 0.
            Runtime.getRuntime().halt(ExitCode.OK);
        }
    };

    void add(Thread hook);

    void remove(Thread hook);

    /** Runs in the hook once the read it stopped has returned and the output is flushed. */
    void endedCleanly();
}
