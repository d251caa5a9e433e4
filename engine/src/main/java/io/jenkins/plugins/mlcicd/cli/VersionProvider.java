package io.jenkins.plugins.mlcicd.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = MlcicdCommand.class.getPackage().getImplementationVersion();
        return new String[] {"mlcicd " + (version == null ? "development build" : version)};
    }
}
