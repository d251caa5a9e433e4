package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.result.EngineVersion;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"mlcicd " + EngineVersion.current()};
    }
}
