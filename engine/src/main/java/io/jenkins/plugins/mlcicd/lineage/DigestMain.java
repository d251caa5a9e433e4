package io.jenkins.plugins.mlcicd.lineage;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.nio.file.Path;

/**
 * Prints snapshot IDs the way {@code mlcicd train} computes them, one line per argument:
 * {@code <hex>  <path>} (the format of {@code sha256sum}). For {@code bench/hash} and for users
 * who want to check a recorded ID by hand: {@code java -cp mlcicd.jar io.jenkins.plugins.mlcicd.lineage.DigestMain FILE...}.
 */
public final class DigestMain {
    private DigestMain() {
    }

    public static void main(String[] args) {
        DataSnapshots snapshots = new DataSnapshots();
        try {
            for (String arg : args) {
                DataSnapshot snapshot = snapshots.snapshot(Path.of(arg), arg);
                System.out.println(snapshot.sha256() + "  " + arg);
            }
        } catch (BadInputException e) {
            System.err.println("mlcicd: " + e.getMessage());
            System.exit(2);
        }
    }
}
