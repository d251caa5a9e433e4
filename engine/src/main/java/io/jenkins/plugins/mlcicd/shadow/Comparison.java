package io.jenkins.plugins.mlcicd.shadow;

import io.jenkins.plugins.mlcicd.stats.CompensatedSum;
import io.jenkins.plugins.mlcicd.stats.Histograms;
import io.jenkins.plugins.mlcicd.stats.JensenShannon;
import io.jenkins.plugins.mlcicd.stats.KolmogorovSmirnov;
import io.jenkins.plugins.mlcicd.stats.Psi;
import io.jenkins.plugins.mlcicd.stats.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The comparison of the two models' answers to the same requests, in memory independent of the
 * number of requests: counts, agreement and the mean and maximum absolute score difference are
 * exact; the distribution measures (p99 of |difference|, PSI, KS, Jensen–Shannon) are computed on
 * a uniform reservoir sample of the compared pairs (exact while the run has fewer pairs than the
 * reservoir holds). Not thread-safe: one thread feeds it.
 */
public final class Comparison {
    /** Slice values beyond this many are pooled, so a high-cardinality field cannot exhaust memory. */
    static final int MAX_SLICES = 100;
    static final String OTHER_SLICE = "(other)";

    /** A request the models answered differently: opposite decisions first, then by score difference. */
    public record Sample(String id, String slice, double baseline, double candidate, String baselineDecision,
            String candidateDecision, boolean disagree) {
        public double difference() {
            return Math.abs(candidate - baseline);
        }
    }

    /** Distribution measures; NaN where undefined. */
    public record Drift(double psi, double ks, double ksPValue, double jensenShannon, double p99AbsDifference,
            long sampleSize, boolean sampled) {
    }

    /** Orders samples from least to most worth looking at. */
    private static final Comparator<Sample> WORSE = Comparator.comparing(Sample::disagree)
            .thenComparingDouble(Sample::difference);

    private final double threshold;
    private final int reservoirSize;
    private final int worstCount;
    private final boolean withSlices;
    private final SplittableRandom random;

    private long pairs;
    private long compared;
    private long agreements;
    private final CompensatedSum absDifference = new CompensatedSum();
    private double maxAbsDifference;
    private final CompensatedSum baselineScores = new CompensatedSum();
    private final CompensatedSum candidateScores = new CompensatedSum();
    private double[] reservoirBaseline;
    private double[] reservoirCandidate;
    private int filled;
    private final PriorityQueue<Sample> worst;
    private final Map<String, Comparison> slices = new LinkedHashMap<>();

    /**
     * @param threshold     a score at or above it is a positive decision (when responses carry no decision)
     * @param reservoirSize pairs kept for the distribution measures
     * @param worstCount    disagreeing requests kept, largest score difference first
     * @param withSlices    keep per-slice comparisons
     */
    public Comparison(double threshold, int reservoirSize, int worstCount, boolean withSlices) {
        this(threshold, reservoirSize, worstCount, withSlices, 1);
    }

    private Comparison(double threshold, int reservoirSize, int worstCount, boolean withSlices, long seed) {
        this.threshold = threshold;
        this.reservoirSize = reservoirSize;
        this.worstCount = worstCount;
        this.withSlices = withSlices;
        this.random = new SplittableRandom(seed);
        this.reservoirBaseline = new double[Math.min(reservoirSize, 1024)];
        this.reservoirCandidate = new double[reservoirBaseline.length];
        this.worst = new PriorityQueue<>(WORSE);
    }

    /** Adds the two answers to one request. */
    public void add(String id, String slice, Answer baseline, Answer candidate) {
        pairs++;
        if (baseline.ok() && candidate.ok()) {
            addCompared(id, slice, baseline, candidate);
        }
        if (withSlices && slice != null) {
            Comparison forSlice = slices.get(slice);
            if (forSlice == null) {
                String key = slices.size() < MAX_SLICES ? slice : OTHER_SLICE;
                forSlice = slices.computeIfAbsent(key,
                        k -> new Comparison(threshold, Math.max(1000, reservoirSize / 10), 0, false, k.hashCode()));
            }
            forSlice.add(id, null, baseline, candidate);
        }
    }

    private void addCompared(String id, String slice, Answer baseline, Answer candidate) {
        compared++;
        double b = baseline.score();
        double c = candidate.score();
        boolean agree = baseline.decision() != null && candidate.decision() != null
                ? baseline.decision().equals(candidate.decision())
                : (b >= threshold) == (c >= threshold);
        if (agree) {
            agreements++;
        }
        double difference = Math.abs(c - b);
        absDifference.add(difference);
        maxAbsDifference = Math.max(maxAbsDifference, difference);
        baselineScores.add(b);
        candidateScores.add(c);
        sample(b, c);
        if (worstCount > 0 && (!agree || difference > 0)) {
            Sample sample = new Sample(id, slice, b, c, baseline.decision(), candidate.decision(), !agree);
            if (worst.size() < worstCount) {
                worst.add(sample);
            } else if (WORSE.compare(sample, worst.peek()) > 0) {
                worst.poll();
                worst.add(sample);
            }
        }
    }

    /** Algorithm R: every compared pair ends up in the reservoir with the same probability. */
    private void sample(double b, double c) {
        if (filled < reservoirSize) {
            if (filled == reservoirBaseline.length) {
                int size = (int) Math.min(reservoirSize, 2L * filled);
                reservoirBaseline = Arrays.copyOf(reservoirBaseline, size);
                reservoirCandidate = Arrays.copyOf(reservoirCandidate, size);
            }
            reservoirBaseline[filled] = b;
            reservoirCandidate[filled] = c;
            filled++;
            return;
        }
        long j = random.nextLong(compared);
        if (j < reservoirSize) {
            reservoirBaseline[(int) j] = b;
            reservoirCandidate[(int) j] = c;
        }
    }

    /** Requests both models were asked. */
    public long pairs() {
        return pairs;
    }

    /** Requests both models answered with a score. */
    public long compared() {
        return compared;
    }

    /** Share of compared requests with the same decision; NaN without any. */
    public double agreement() {
        return compared == 0 ? Double.NaN : (double) agreements / compared;
    }

    public long disagreements() {
        return compared - agreements;
    }

    public double meanAbsDifference() {
        return compared == 0 ? Double.NaN : absDifference.value() / compared;
    }

    public double maxAbsDifference() {
        return compared == 0 ? Double.NaN : maxAbsDifference;
    }

    public double meanBaselineScore() {
        return compared == 0 ? Double.NaN : baselineScores.value() / compared;
    }

    public double meanCandidateScore() {
        return compared == 0 ? Double.NaN : candidateScores.value() / compared;
    }

    /** The baseline's scores in the reservoir (for charts), unordered. */
    public double[] sampledBaseline() {
        return Arrays.copyOf(reservoirBaseline, filled);
    }

    public double[] sampledCandidate() {
        return Arrays.copyOf(reservoirCandidate, filled);
    }

    /**
     * PSI and Jensen–Shannon on the baseline's decile bins, KS on the sampled scores, p99 of the
     * absolute difference; all NaN without compared pairs.
     */
    public Drift drift() {
        if (filled == 0) {
            return new Drift(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, false);
        }
        double[] b = Arrays.copyOf(reservoirBaseline, filled);
        double[] c = Arrays.copyOf(reservoirCandidate, filled);
        double[] differences = new double[filled];
        for (int i = 0; i < filled; i++) {
            differences[i] = Math.abs(c[i] - b[i]);
        }
        Arrays.sort(differences);
        double[] edges = Histograms.decileEdges(b);
        long[] baselineCounts = Histograms.counts(b, edges);
        long[] candidateCounts = Histograms.counts(c, edges);
        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.twoSample(b, c);
        return new Drift(Psi.ofCounts(baselineCounts, candidateCounts), ks.statistic(), ks.pValue(),
                JensenShannon.distance(baselineCounts, candidateCounts), Quantiles.ofSorted(differences, 0.99),
                filled, compared > filled);
    }

    /** The requests most worth looking at: opposite decisions first, then the largest score difference. */
    public List<Sample> worst() {
        List<Sample> sorted = new ArrayList<>(worst);
        sorted.sort(WORSE.reversed().thenComparing(Sample::id));
        return sorted;
    }

    /** Per slice value, in order of first appearance (the last may be {@value #OTHER_SLICE}). */
    public Map<String, Comparison> slices() {
        return slices;
    }
}
