package io.driftwatch.cli.reports;

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
    };

    void add(Thread hook);

    void remove(Thread hook);
}
