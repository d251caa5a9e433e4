package io.jenkins.plugins.mlcicd.gate;

import io.jenkins.plugins.mlcicd.eval.EvaluationDocument;
import io.jenkins.plugins.mlcicd.eval.EvaluationRequest;
import io.jenkins.plugins.mlcicd.eval.Evaluator;
import io.jenkins.plugins.mlcicd.eval.Task;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded predictions of three binary models on the same rows (a shared {@code id} column), for
 * paired-bootstrap gate tests: a baseline, a clearly better model (a much stronger signal, the same
 * noise) and a marginally better one (a slightly stronger signal, partly different noise).
 */
public final class PairedPredictions {
    public static final int ROWS = 600;

    private final double[] labels = new double[ROWS];
    private final double[] baseline = new double[ROWS];
    private final double[] better = new double[ROWS];
    private final double[] marginal = new double[ROWS];

    public PairedPredictions(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < ROWS; i++) {
            labels[i] = random.nextDouble() < 0.4 ? 1 : 0;
            double signal = 2 * labels[i] - 1;
            double noise = random.nextGaussian();
            double other = random.nextGaussian();
            baseline[i] = sigmoid(0.8 * signal + 1.2 * noise);
            better[i] = sigmoid(1.8 * signal + 1.2 * noise);
            marginal[i] = sigmoid(0.86 * signal + 1.2 * (0.95 * noise + 0.31 * other));
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    public Path writeBaseline(Path file) {
        return write(file, baseline, false);
    }

    /** The better model's predictions, rows shuffled: pairing goes by id, not by row order. */
    public Path writeBetter(Path file) {
        return write(file, better, true);
    }

    public Path writeMarginal(Path file) {
        return write(file, marginal, true);
    }

    private Path write(Path file, double[] scores, boolean shuffled) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(String.format(Locale.ROOT, "r%04d,%d,%.9f", i, (int) labels[i], scores[i]));
        }
        if (shuffled) {
            Collections.shuffle(rows, new Random(99));
        }
        try {
            return Files.writeString(file, "id,y,p\n" + String.join("\n", rows) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The evaluation document (JSON text) of a predictions file, as {@code mlcicd evaluate --bootstrap N --seed S --id id} writes it. */
    public static String evaluate(Path predictions, int replicates, long seed) {
        EvaluationRequest request = new EvaluationRequest(predictions, "y", "p", Task.BINARY, 0.5, List.of(), null,
                null, null, null, replicates, seed, "id", false);
        return ResultDocumentJson.toJsonString(EvaluationDocument.of(Evaluator.evaluate(request), Instant.now()));
    }
}
