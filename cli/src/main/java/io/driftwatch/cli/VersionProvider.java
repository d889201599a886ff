package io.driftwatch.cli;

import picocli.CommandLine;

/** Reports the version the jar was built as, so a bug report can name it. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = DriftwatchCommand.class.getPackage().getImplementationVersion();
        return new String[]{"driftwatch " + (version == null ? "(development build)" : version)};
    }
}
