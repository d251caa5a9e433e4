package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Launcher;
import io.jenkins.plugins.mlcicd.jenkins.common.AgentEngine.CachePlace;
import java.lang.reflect.Constructor;
import org.junit.jupiter.api.Test;

/**
 * Offline only (the stand-in launchers cannot be constructed; instances are made without running a
 * constructor): inside docker.inside / container() the engine's jars go to the workspace's @tmp.
 */
class ContainerLauncherTest {
    /** Like docker-workflow's WithContainerStep decorator: an anonymous-style subclass of DecoratedLauncher. */
    static class DockerExecLauncher extends Launcher.DecoratedLauncher {
        DockerExecLauncher(Launcher inner) {
            super(inner);
        }
    }

    /** The agent's own launcher (real: Launcher.RemoteLauncher / LocalLauncher). */
    abstract static class AgentLauncher extends Launcher {
        AgentLauncher() {
            super(null, null);
        }
    }

    @Test
    void aDecoratedLauncherRunsInAContainer() {
        assertThat(AgentEngine.runsInAContainer(instance(DockerExecLauncher.class))).isTrue();
        assertThat(AgentEngine.runsInAContainer(instance(Launcher.DecoratedLauncher.class))).isTrue();
        assertThat(AgentEngine.runsInAContainer(instance(AgentLauncherImpl.class))).isFalse();
    }

    @Test
    void inAContainerTheJarsGoToTheWorkspaceTmpEvenWhenTheNodeRootIsKnown() {
        assertThat(CachePlace.of(true, true)).isEqualTo(CachePlace.WORKSPACE_TMP);
        assertThat(CachePlace.of(true, false)).isEqualTo(CachePlace.WORKSPACE_TMP);
        assertThat(CachePlace.of(false, true)).isEqualTo(CachePlace.NODE);
        assertThat(CachePlace.of(false, false)).isEqualTo(CachePlace.WORKSPACE_TMP);
    }

    static final class AgentLauncherImpl extends AgentLauncher {
    }

    @SuppressWarnings("unchecked")
    private static <T> T instance(Class<T> type) {
        try {
            Constructor<?> constructor = sun.reflect.ReflectionFactory.getReflectionFactory()
                    .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
            return (T) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
