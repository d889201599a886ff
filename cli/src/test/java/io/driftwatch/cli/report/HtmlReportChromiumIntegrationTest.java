package io.driftwatch.cli.report;

import io.driftwatch.alerts.mail.DistributionChart;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report as a browser shows it: headless Chromium renders the page at a desktop and a phone width, and the
 * screenshots must hold the charts (their colours) and the red of the drift headline. Skips, saying why, on a machine
 * without Chromium ({@code .ci/run} installs Debian's {@code chromium}; {@code DRIFTWATCH_CHROMIUM} names another).
 */
class HtmlReportChromiumIntegrationTest {
    private static final Color DRIFT_RED = new Color(0xb9, 0x1c, 0x1c);

    @TempDir
    Path directory;

    @Test
    void chromiumDrawsTheReportWithItsChartsAtDesktopAndPhoneWidths() throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "no Chromium on this machine (install Debian's chromium, or set"
                + " DRIFTWATCH_CHROMIUM): the HTML report was not rendered in a browser");
        Path page = directory.resolve("report.html");
        Files.writeString(page, HtmlReportTest.render(HtmlReportTest.check(directory)), StandardCharsets.UTF_8);

        for (int[] size : List.of(new int[]{1280, 2000}, new int[]{390, 2800})) {
            BufferedImage shot = screenshot(chromium.get(), page, size[0], size[1]);
            assertThat(shot.getWidth()).isEqualTo(size[0]);
            assertThat(pixels(shot, DistributionChart.CURRENT)).as("chart bars at width " + size[0]).isGreaterThan(500);
            assertThat(pixels(shot, DistributionChart.REFERENCE)).as("chart bars at width " + size[0]).isGreaterThan(500);
            assertThat(pixels(shot, DRIFT_RED)).as("the drift headline's red at width " + size[0]).isGreaterThan(20);
        }
    }

    private BufferedImage screenshot(Path chromium, Path page, int width, int height) throws Exception {
        Path shot = directory.resolve("shot-" + width + ".png");
        Path profile = Files.createTempDirectory(directory, "chromium-");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--screenshot=" + shot, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("chromium-" + width + ".log").toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish the screenshot within 90 s");
        }
        assertThat(process.exitValue()).as(Files.readString(directory.resolve("chromium-" + width + ".log"))).isZero();
        return ImageIO.read(shot.toFile());
    }

    private static long pixels(BufferedImage image, Color color) {
        long count = 0;
        int wanted = color.getRGB() & 0xffffff;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == wanted) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Optional<Path> chromium() {
        String named = System.getenv("DRIFTWATCH_CHROMIUM");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).flatMap(folder -> Stream.of("chromium", "chromium-browser", "google-chrome")
                .map(name -> Path.of(folder, name))).filter(Files::isExecutable).findFirst();
    }
}
