package io.jenkins.plugins.mlcicd.lineage;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the code version from a git working copy by running {@code git}. A directory that is not a
 * repository, or a machine without git, gives an absent version with the reason, never a failure:
 * lineage should record what is known, and say what is not.
 */
public final class GitProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private GitProbe() {
    }

    public static CodeVersion probe(Path workDir) {
        ProbeProcess.Output head = git(workDir, "rev-parse", "--verify", "HEAD");
        if (!head.ok()) {
            ProbeProcess.Output inside = git(workDir, "rev-parse", "--is-inside-work-tree");
            String reason = inside.ok() ? "repository has no commit yet" : "not a git working copy: " + inside.problem();
            return CodeVersion.absent(reason);
        }
        ProbeProcess.Output branch = git(workDir, "symbolic-ref", "--short", "-q", "HEAD");
        // Untracked files are not the code that ran (outputs, caches); modified tracked files are.
        ProbeProcess.Output status = git(workDir, "status", "--porcelain", "--untracked-files=no");
        ProbeProcess.Output remote = git(workDir, "config", "--get", "remote.origin.url");
        return new CodeVersion(
                head.text(),
                branch.ok() && !branch.text().isEmpty() ? branch.text() : null,
                status.ok() ? !status.text().isEmpty() : null,
                remote.ok() && !remote.text().isEmpty() ? withoutCredentials(remote.text()) : null,
                "git",
                null);
    }

    private static ProbeProcess.Output git(Path dir, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("git");
        argv.addAll(List.of(args));
        return ProbeProcess.run(argv, dir, TIMEOUT);
    }

    /** {@code https://user:token@host/repo.git} → {@code https://host/repo.git}; scp-like and local remotes unchanged. */
    public static String withoutCredentials(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() == null) {
                return url;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment()).toString();
        } catch (URISyntaxException e) {
            int at = url.indexOf('@', scheme + 3);
            int slash = url.indexOf('/', scheme + 3);
            boolean atInAuthority = at >= 0 && (slash < 0 || at < slash);
            return atInAuthority ? url.substring(0, scheme + 3) + url.substring(at + 1) : url;
        }
    }
}
