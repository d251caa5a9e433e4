package io.jenkins.plugins.mlcicd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Asserts our drift statistics against values SciPy computed on the same data
 * ({@code bench/drift-crosscheck.py}). Distances and statistics agree to 1e-9 (relative, or absolute
 * near zero); p-values to 1e-9 absolute and 1e-6 relative, because scipy sums some series in another
 * order (and uses Pomeranz' recursion where we use the equally exact Durbin matrix).
 */
class DriftCrossCheckTest {
    private static final double TOLERANCE = 1e-9;

    static JsonNode document() throws IOException {
        try (InputStream in = DriftCrossCheckTest.class.getResourceAsStream("/data/drift-crosscheck.json")) {
            return Json.mapper().readTree(in);
        }
    }

    static Stream<Arguments> numericCases() throws IOException {
        return cases("numeric");
    }

    static Stream<Arguments> categoricalCases() throws IOException {
        return cases("categorical");
    }

    private static Stream<Arguments> cases(String kind) throws IOException {
        List<Arguments> list = new ArrayList<>();
        for (JsonNode c : document().get("cases")) {
            if (c.get("kind").asText().equals(kind)) {
                list.add(Arguments.of(c.get("name").asText(), c));
            }
        }
        return list.stream();
    }

    static Stream<Arguments> kolmogorovCases() throws IOException {
        return StreamSupport.stream(document().get("kolmogorov").spliterator(), false)
                .map(c -> Arguments.of(c.get("n").asLong(), c.get("x").asDouble(), c.get("sf").asDouble()));
    }

    static Stream<Arguments> chiSquareCases() throws IOException {
        return StreamSupport.stream(document().get("chiSquare").spliterator(), false)
                .map(c -> Arguments.of(c.get("x").asDouble(), c.get("dof").asInt(), c.get("sf").asDouble()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numericCases")
    void numericDriftMatchesScipy(String name, JsonNode c) {
        double[] reference = doubles(c.get("reference"));
        double[] current = doubles(c.get("current"));
        double[] edges = Histograms.decileEdges(reference);
        assertClose(edges, doubles(c.get("edges")));
        long[] referenceCounts = Histograms.counts(reference, edges);
        long[] currentCounts = Histograms.counts(current, edges);
        assertThat(referenceCounts).containsExactly(longs(c.get("referenceCounts")));
        assertThat(currentCounts).containsExactly(longs(c.get("currentCounts")));
        assertClose(Psi.ofCounts(referenceCounts, currentCounts), c.get("psi").asDouble());
        assertClose(JensenShannon.distance(referenceCounts, currentCounts, 2), c.get("jensenShannon").asDouble());

        KolmogorovSmirnov.Result ks = KolmogorovSmirnov.twoSample(reference, current);
        assertClose(ks.statistic(), c.get("ksStatistic").asDouble());
        assertPValue(ks.pValue(), c.get("ksPValue").asDouble());
        assertThat(ks.method().name()).isEqualTo(c.get("ksMethod").asText());

        double wasserstein = Wasserstein.distance(reference, current);
        assertClose(wasserstein, c.get("wasserstein").asDouble());
        assertClose(Wasserstein.normed(wasserstein, populationStd(reference)), c.get("wassersteinNormed").asDouble());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("categoricalCases")
    void categoricalDriftMatchesScipy(String name, JsonNode c) {
        long[] reference = longs(c.get("referenceCounts"));
        long[] current = longs(c.get("currentCounts"));
        assertClose(Distributions.lInfinity(Distributions.proportions(reference), Distributions.proportions(current)),
                c.get("lInfinity").asDouble());
        assertClose(JensenShannon.distance(reference, current, 2), c.get("jensenShannon").asDouble());
        assertClose(Psi.ofCounts(reference, current), c.get("psi").asDouble());
        ChiSquare.Result chi = ChiSquare.twoSample(reference, current);
        assertClose(chi.statistic(), c.get("chiSquareStatistic").asDouble());
        assertThat(chi.dof()).isEqualTo(c.get("chiSquareDof").asInt());
        assertPValue(chi.pValue(), c.get("chiSquarePValue").asDouble());
    }

    @ParameterizedTest(name = "kstwo.sf({1}, {0})")
    @MethodSource("kolmogorovCases")
    void kolmogorovDistributionMatchesScipy(long n, double x, double expected) {
        assertPValue(KolmogorovDistribution.survival(n, x), expected);
    }

    @ParameterizedTest(name = "chi2.sf({0}, {1})")
    @MethodSource("chiSquareCases")
    void chiSquareSurvivalMatchesScipy(double x, int dof, double expected) {
        assertPValue(ChiSquare.survival(x, dof), expected);
    }

    static double populationStd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }

    private static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(TOLERANCE * Math.max(1, Math.abs(expected))));
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertClose(actual[i], expected[i]);
        }
    }

    private static void assertPValue(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.max(1e-9, 1e-6 * Math.abs(expected))));
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }
}
