package io.jenkins.plugins.mlcicd.registry;

import java.nio.file.Path;
import java.util.Map;

/**
 * A separate writer process for {@link FileModelRegistryConcurrencyIT}: registers versions and
 * points {@code candidate} at each, printing the version numbers it got, one per line.
 * Usage: {@code RegistryWriterMain ROOT NAME COUNT WRITER_ID}.
 */
public final class RegistryWriterMain {
    private RegistryWriterMain() {
    }

    public static void main(String[] args) {
        FileModelRegistry registry = new FileModelRegistry(Path.of(args[0]));
        int count = Integer.parseInt(args[2]);
        String writer = args[3];
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int version = registerAndPromote(registry, args[1], writer, i);
            out.append(version).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }

    static int registerAndPromote(ModelRegistry registry, String name, String writer, int i) {
        String sha = String.format("%064x", (long) writer.hashCode() * 1000 + i).replace(' ', '0').replace('-', 'f');
        ModelVersion version = registry.register(name, new VersionDraft(new ModelReference("mem://" + writer + "/" + i, sha, i),
                Map.of("i", (double) i), null, writer, null));
        registry.setAlias(name, "candidate", version.version(), new Promotion(writer, "iteration " + i, null, null));
        return version.version();
    }
}
