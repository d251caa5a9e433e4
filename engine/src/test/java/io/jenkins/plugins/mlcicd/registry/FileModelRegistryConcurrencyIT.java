package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 16 threads in this JVM and 4 other processes write one model at once: 1000 gap-free versions, one consistent alias history. */
class FileModelRegistryConcurrencyIT {
    private static final int THREADS = 16;
    private static final int PROCESSES = 4;
    private static final int EACH = 50;

    @TempDir
    Path root;

    @Test
    void threadsAndProcessesGetDistinctGapFreeVersionsAndAValidAliasHistory() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            processes.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                    RegistryWriterMain.class.getName(), root.toString(), "fraud", Integer.toString(EACH), "process-" + p)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        ConcurrentLinkedQueue<Integer> threadVersions = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String writer = "thread-" + t;
            futures.add(pool.submit(() -> {
                FileModelRegistry registry = new FileModelRegistry(root); // one instance per thread, as separate callers would
                start.await();
                for (int i = 0; i < EACH; i++) {
                    threadVersions.add(RegistryWriterMain.registerAndPromote(registry, "fraud", writer, i));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<Integer> all = new ArrayList<>(threadVersions);
        for (Process process : processes) {
            String out = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("writer process exit code").isZero();
            out.lines().map(Integer::parseInt).forEach(all::add);
        }

        int total = (THREADS + PROCESSES) * EACH;
        assertThat(all).hasSize(total).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(all)).first().isEqualTo(1);
        assertThat(new TreeSet<>(all)).last().isEqualTo(total);

        FileModelRegistry registry = new FileModelRegistry(root);
        List<ModelVersion> versions = registry.list("fraud");
        assertThat(versions).extracting(ModelVersion::version).containsExactlyElementsOf(
                IntStream.rangeClosed(1, total).boxed().toList());
        try (var files = Files.list(root.resolve("fraud/versions"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("."))).as("leftover temp files").isEmpty();
        }

        // The alias history is one chain: every move starts where the previous one ended.
        List<AliasMove> history = registry.history("fraud");
        assertThat(history).hasSize(total);
        Integer previous = null;
        Set<Integer> targets = new TreeSet<>();
        for (AliasMove move : history) {
            assertThat(move.alias()).isEqualTo("candidate");
            assertThat(move.fromVersion()).isEqualTo(previous);
            previous = move.toVersion();
            targets.add(move.toVersion());
        }
        assertThat(targets).hasSize(total);
        assertThat(registry.aliases("fraud")).isEqualTo(Map.of("candidate", previous));
        // each writer's own moves happen in its own order
        Map<String, Integer> lastByWriter = new HashMap<>();
        for (AliasMove move : history) {
            int i = Integer.parseInt(move.reason().substring("iteration ".length()));
            assertThat(i).isEqualTo(lastByWriter.getOrDefault(move.actor(), -1) + 1);
            lastByWriter.put(move.actor(), i);
        }
        assertThat(lastByWriter).hasSize(THREADS + PROCESSES);
    }
}
