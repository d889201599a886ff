package io.driftwatch.cli.report;

import io.driftwatch.alerts.mail.DistributionChart;
import io.driftwatch.cli.BadInputException;
import io.driftwatch.stats.compare.ComparisonSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    static final String HOSTILE_COLUMN = "<script>alert('c')</script>";
    private static final Pattern IMAGE = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @TempDir
    Path directory;

    /** A reference and a current file: age shifted, region with a category the reference never had, a hostile name. */
    static FileCheck check(Path directory) throws IOException, BadInputException {
        Random random = new Random(7);
        Path reference = directory.resolve("train.csv");
        Path current = directory.resolve("today.csv");
        List<String> referenceRows = new ArrayList<>(List.of("age,region,\"" + HOSTILE_COLUMN + "\",tenure"));
        List<String> currentRows = new ArrayList<>(List.of("age,region,\"" + HOSTILE_COLUMN + "\",tenure"));
        String[] regions = {"north", "south", "east", "west"};
        for (int i = 0; i < 2000; i++) {
            referenceRows.add((40 + random.nextGaussian() * 8) + "," + regions[i % 4] + ",a," + (i % 24));
            currentRows.add((32 + random.nextGaussian() * 8) + "," + (i % 5 == 0 ? "<b>online</b>" : regions[i % 4]) + ",a,"
                    + (i % 24));
        }
        Files.write(reference, referenceRows);
        Files.write(current, currentRows);
        return FileCheck.run(reference, current, Map.of(), ComparisonSettings.DEFAULT, 20);
    }

    static String render(FileCheck check) {
        return HtmlReport.render("driftwatch check", check.report(), check.judgement(), "train.csv", "today.csv",
                Set.of("customer_id"), check.charts());
    }

    @Test
    void thePageStartsWithTheDatasetVerdictThenTheFindingsThenTheDriftedColumnsFirst() throws Exception {
        String page = render(check(directory));

        assertThat(page).startsWith("<!DOCTYPE html>").contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        int headline = page.indexOf("DATASET DRIFT");
        int findings = page.indexOf("<h2>Schema findings</h2>");
        int age = page.indexOf("<h3>age<span class=\"badge drift\">DRIFT</span>");
        int tenure = page.indexOf("<h3>tenure<span class=\"badge ok\">no drift</span>");
        assertThat(headline).isPositive().isLessThan(findings);
        assertThat(findings).isLessThan(age);
        assertThat(age).as("drifted before undrifted").isLessThan(tenure);
        assertThat(page).contains("excluded (not features, not read): customer_id")
                .contains("unseen in the reference: &lt;b&gt;online&lt;/b&gt;");
    }

    @Test
    void everyComparedColumnHasTheEmailsChartInlineAsAPngOfItsSize() throws Exception {
        String page = render(check(directory));

        Matcher images = IMAGE.matcher(page);
        int count = 0;
        while (images.find()) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
            assertThat(png.getWidth()).isEqualTo(2 * DistributionChart.WIDTH);
            assertThat(png.getHeight()).isEqualTo(2 * DistributionChart.HEIGHT);
            count++;
        }
        assertThat(count).as("age, region, tenure and the constant column").isEqualTo(4);
    }

    @Test
    void thePageIsSelfContainedAndShowsNamesFromTheDataAsText() throws Exception {
        String page = render(check(directory));

        assertThat(page).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://").doesNotContain("<link")
                .doesNotContain("@import").doesNotContain("url(").doesNotContain("<b>online");
        assertThat(page).contains("&lt;script&gt;alert(&#39;c&#39;)&lt;/script&gt;");
    }
}
