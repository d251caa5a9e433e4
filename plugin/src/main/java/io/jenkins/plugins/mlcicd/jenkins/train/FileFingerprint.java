package io.jenkins.plugins.mlcicd.jenkins.train;

import java.io.Serializable;

/**
 * One file of the lineage, as Jenkins fingerprints it.
 *
 * @param path     workspace-relative path as recorded in the lineage (the key of the build's fingerprint list)
 * @param md5      lower-case hex MD5 of its bytes (Jenkins' fingerprint id)
 * @param produced true for the model (this build made it), false for training data (this build used it)
 */
record FileFingerprint(String path, String md5, boolean produced) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The file's name, as the fingerprint page shows it. */
    String fileName() {
        String normalized = path.replace('\\', '/');
        int slash = normalized.lastIndexOf('/', normalized.length() - 2);
        String name = slash < 0 ? normalized : normalized.substring(slash + 1);
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    /** Whether {@code path} is the model or a file inside the model directory. */
    static boolean isUnder(String path, String root) {
        String prefix = root.endsWith("/") ? root : root + "/";
        return path.equals(root) || path.startsWith(prefix);
    }
}
