package io.driftwatch.tools.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoredTrainingTest {
    @TempDir
    Path directory;

    @Test
    void addsTheModelsPredictionToEveryTrainingRowAndKeepsTheInputsAsTheFileSpellsThem() throws Exception {
        Path inputs = BundledData.copy(BundledData.REFERENCE, directory);

        Path scored = ScoredTraining.write(inputs, directory);

        List<String> lines = Files.readAllLines(scored);
        assertThat(lines).hasSize(Files.readAllLines(inputs).size());
        assertThat(lines.subList(0, 4)).containsExactly(
                "age,income,credit_score,num_accounts,region,device,employment_years,prediction",
                "45,118151,668,3,south,mobile,11.0,approve",
                "79,29326,734,3,east,desktop,5.2,decline",
                "48,29889,616,1,east,desktop,14.6,decline");
    }
}
