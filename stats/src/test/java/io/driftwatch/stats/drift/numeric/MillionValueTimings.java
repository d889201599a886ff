package io.driftwatch.stats.drift.numeric;

import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.TestOutcome;
import io.driftwatch.stats.sample.SortedSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times every numeric test on two sorted samples of 1,000,000 standard normals and prints the figures (surefire
 * ignores JUnit report entries, and printing them is this benchmark's whole purpose). Off by default; run with
 * {@code mvn -o test -pl stats -Dtest=MillionValueTimings -Ddriftwatch.timings=true}. Nothing is asserted about
 * time, only that two samples of one distribution show no drift.
 */
@EnabledIfSystemProperty(named = "driftwatch.timings", matches = "true")
class MillionValueTimings {
    private static final int SIZE = 1_000_000;

    @Test
    void everyTestOnAMillionValuesFindsNoDriftBetweenTwoDrawsOfOneDistribution() {
        SortedSample reference = normals(SIZE, 1);
        SortedSample current = normals(SIZE, 2);
        List<NumericDriftTest> tests = List.of(new KsTest(KsMethod.AUTO), new WassersteinDistance(),
                new EnergyDistance(), new CramerVonMisesTest(), new AndersonDarlingTest(), new MannWhitneyTest(),
                new WelchTTest());
        for (NumericDriftTest test : tests) {
            long coldNanos = timed(test, reference, current);
            long warmNanos = Long.MAX_VALUE;
            for (int run = 0; run < 5; run++) {
                warmNanos = Math.min(warmNanos, timed(test, reference, current));
            }
            TestOutcome outcome = test.compare(reference, current);
            System.out.printf(Locale.ROOT, "%-17s first %7.1f ms, best of 5 %7.1f ms, statistic %.6g, p %s%n",
                    test.name(), coldNanos / 1e6, warmNanos / 1e6, outcome.statistic(), outcome.pValue());
            if (outcome.pValue() != null) {
                assertThat(outcome.pValue()).as(test.name()).isGreaterThan(1e-4);
            }
        }
    }

    private static long timed(NumericDriftTest test, SortedSample reference, SortedSample current) {
        long start = System.nanoTime();
        test.compare(reference, current);
        return System.nanoTime() - start;
    }

    private static SortedSample normals(int size, long seed) {
        Random random = new Random(seed);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextGaussian();
        }
        return SortedSample.ofOwned(values);
    }
}
