package io.driftwatch.tools.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoredTrainingTest {
    @TempDir
    Path directory;

    @Test
    void addsTheModelsPredictionProbabilityAndALabelToEveryTrainingRowAndKeepsTheInputsAsTheFileSpellsThem() throws Exception {
        Path inputs = BundledData.copy(BundledData.REFERENCE, directory);

        Path scored = ScoredTraining.write(inputs, directory, 7L);

        List<String> lines = Files.readAllLines(scored);
        assertThat(lines).hasSize(Files.readAllLines(inputs).size());
        assertThat(lines.get(0)).isEqualTo("age,income,credit_score,num_accounts,region,device,employment_years,prediction,p_approve,label");
        assertThat(lines.get(1)).startsWith("45,118151,668,3,south,mobile,11.0,approve,");
        assertThat(lines.get(2)).startsWith("79,29326,734,3,east,desktop,5.2,decline,");
        // 668 is 18 points past 650 (2.25 units of 8), well inside the income's margin; 29,326 is 15,674 short of 45,000.
        assertThat(Double.parseDouble(lines.get(1).split(",", -1)[8])).isCloseTo(1 / (1 + Math.exp(-2.25)), within(1e-12));
        assertThat(Double.parseDouble(lines.get(2).split(",", -1)[8])).isCloseTo(1 / (1 + Math.exp(15_674 / 4_000.0)), within(1e-12));
    }

    @Test
    void drawsItsLabelsFromTheModelsProbabilitySoTheModelIsCalibratedAndRightAboutNineTimesInTen() throws Exception {
        Path inputs = BundledData.copy(BundledData.REFERENCE, directory);

        List<String[]> rows = Files.readAllLines(ScoredTraining.write(inputs, directory, 7L)).stream().skip(1)
                .map(line -> line.split(",", -1)).toList();

        double expectedRight = rows.stream().mapToDouble(row -> Math.max(Double.parseDouble(row[8]), 1 - Double.parseDouble(row[8])))
                .average().orElseThrow();
        double right = rows.stream().filter(row -> row[7].equals(row[9])).count() / (double) rows.size();
        assertThat(expectedRight).isBetween(0.85, 0.93);
        // 1,000 labels: the share right lies within 3 standard errors (about 0.03) of what the probabilities expect.
        assertThat(right).isCloseTo(expectedRight, within(0.03));
        assertThat(rows).allSatisfy(row -> assertThat(row[9]).isIn("approve", "decline"));
    }

    @Test
    void drawsTheSameLabelsForTheSameSeed() throws Exception {
        Path inputs = BundledData.copy(BundledData.REFERENCE, directory);
        Path other = Files.createDirectory(directory.resolve("other"));

        List<String> first = Files.readAllLines(ScoredTraining.write(inputs, directory, 7L));
        List<String> again = Files.readAllLines(ScoredTraining.write(inputs, other, 7L));
        List<String> reseeded = Files.readAllLines(ScoredTraining.write(inputs, other, 8L));

        assertThat(again).isEqualTo(first);
        assertThat(reseeded).isNotEqualTo(first);
    }
}
