package io.driftwatch.stats.compare;

import io.driftwatch.stats.drift.CategoricalDriftTest;
import io.driftwatch.stats.drift.NumericDriftTest;
import io.driftwatch.stats.drift.binned.Binning;
import io.driftwatch.stats.drift.binned.Hellinger;
import io.driftwatch.stats.drift.binned.JensenShannon;
import io.driftwatch.stats.drift.binned.KlDivergence;
import io.driftwatch.stats.drift.binned.Psi;
import io.driftwatch.stats.drift.categorical.ChiSquareContingency;
import io.driftwatch.stats.drift.categorical.ChiSquareTest;
import io.driftwatch.stats.drift.categorical.LInfinity;
import io.driftwatch.stats.drift.categorical.ZTest;
import io.driftwatch.stats.drift.numeric.AndersonDarlingTest;
import io.driftwatch.stats.drift.numeric.CramerVonMisesTest;
import io.driftwatch.stats.drift.numeric.EnergyDistance;
import io.driftwatch.stats.drift.numeric.KsTest;
import io.driftwatch.stats.drift.numeric.MannWhitneyTest;
import io.driftwatch.stats.drift.numeric.WassersteinDistance;
import io.driftwatch.stats.drift.numeric.WelchTTest;
import io.driftwatch.stats.drift.sketch.CategoricalSketchTest;
import io.driftwatch.stats.drift.sketch.NumericSketchTest;
import io.driftwatch.stats.drift.sketch.SketchChiSquare;
import io.driftwatch.stats.drift.sketch.SketchChiSquareContingency;
import io.driftwatch.stats.drift.sketch.SketchJensenShannon;
import io.driftwatch.stats.drift.sketch.SketchKsTest;
import io.driftwatch.stats.drift.sketch.SketchPsi;
import io.driftwatch.stats.drift.sketch.SketchWasserstein;

import java.util.List;
import java.util.Optional;

/**
 * Every drift test by the name users type in {@code --tests} and read in reports. A name may have a
 * numeric form, a categorical form, or both (the histogram distances work on bins or on categories), and
 * some also a sketch form that runs on mergeable profiles instead of raw values.
 */
public final class TestCatalog {
    /** Every known test name, in the order reports list them. */
    public static final List<String> NAMES = List.of(
            "ks", "psi", "wasserstein", "jensen_shannon", "hellinger", "kl_divergence", "l_infinity",
            "chi_square", "chi_square_contingency", "z_test", "energy_distance", "cramer_von_mises", "anderson_darling",
            "mann_whitney", "t_test_welch");

    private TestCatalog() {
    }

    /** The numeric form of {@code name}, empty when the test only compares categories. */
    public static Optional<NumericDriftTest> numeric(String name, TestOptions options) {
        return Optional.ofNullable(switch (name) {
            case "ks" -> new KsTest(options.ksMethod(), options.binnedEstimates());
            case "psi" -> new Psi(options.binning());
            case "wasserstein" -> new WassersteinDistance(options.binnedEstimates());
            case "jensen_shannon" -> new JensenShannon(options.binning(), options.logBase());
            case "hellinger" -> new Hellinger(options.binning());
            case "kl_divergence" -> new KlDivergence(options.binning(), options.logBase());
            case "energy_distance" -> new EnergyDistance();
            case "cramer_von_mises" -> new CramerVonMisesTest();
            case "anderson_darling" -> new AndersonDarlingTest();
            case "mann_whitney" -> new MannWhitneyTest();
            case "t_test_welch" -> new WelchTTest();
            default -> null;
        });
    }

    /** The categorical form of {@code name}, empty when the test needs numbers. */
    public static Optional<CategoricalDriftTest> categorical(String name, TestOptions options) {
        return Optional.ofNullable(switch (name) {
            case "psi" -> new Psi(options.binning());
            case "jensen_shannon" -> new JensenShannon(options.binning(), options.logBase());
            case "hellinger" -> new Hellinger(options.binning());
            case "kl_divergence" -> new KlDivergence(options.binning(), options.logBase());
            case "l_infinity" -> new LInfinity();
            case "chi_square" -> new ChiSquareTest();
            case "chi_square_contingency" -> new ChiSquareContingency();
            case "z_test" -> new ZTest();
            default -> null;
        });
    }

    /**
     * The sketch form of {@code name} for numbers, computed from two numeric profiles' KLL sketches; empty
     * when the test needs raw values, and for {@code psi} and {@code jensen_shannon} unless the binning is
     * {@link Binning#QUANTILE}, the only binning their sketch forms reproduce.
     */
    public static Optional<NumericSketchTest> numericSketch(String name, TestOptions options) {
        boolean decileBins = options.binning() == Binning.QUANTILE;
        return Optional.ofNullable(switch (name) {
            case "ks" -> new SketchKsTest(options.ksMethod());
            case "psi" -> decileBins ? new SketchPsi() : null;
            case "wasserstein" -> new SketchWasserstein();
            case "jensen_shannon" -> decileBins ? new SketchJensenShannon(options.logBase()) : null;
            default -> null;
        });
    }

    /** The sketch form of {@code name} for categories, from two categorical profiles; empty when it has none. */
    public static Optional<CategoricalSketchTest> categoricalSketch(String name, TestOptions options) {
        return Optional.ofNullable(switch (name) {
            case "psi" -> new SketchPsi();
            case "jensen_shannon" -> new SketchJensenShannon(options.logBase());
            case "chi_square" -> new SketchChiSquare();
            case "chi_square_contingency" -> new SketchChiSquareContingency();
            default -> null;
        });
    }

    /**
     * @throws IllegalArgumentException naming the known tests when {@code name} is not one of them
     */
    public static String requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown test '" + name + "'; known tests: " + String.join(", ", NAMES));
        }
        return name;
    }
}
