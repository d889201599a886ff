package io.driftwatch.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages of {@code docs/} it leads to, against the code they describe and against each
 * other: the defaults table, every configuration key, and every relative link with its heading.
 */
class ReadmeTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^```.*?^```$");

    @Test
    void theCheckPagesDefaultsTableIsWhatTheCodeApplies() throws IOException {
        assertThat(Files.readString(ROOT.resolve("docs/check.md"))).contains(TestListing.render());
    }

    @Test
    void theConfigurationPageNamesEveryKey() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/configuration.md"));
        for (String key : ConfigurationReference.keys()) {
            assertThat(page).as(key).contains("| `" + key + "` |");
        }
    }

    @Test
    void theReadmeLinksEveryDocsPage() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (Path page : docsPages()) {
            assertThat(readme).as(page.getFileName().toString()).contains("(docs/" + page.getFileName() + ")");
        }
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndItsHeading() throws IOException {
        List<Path> pages = new ArrayList<>(docsPages());
        pages.add(ROOT.resolve("README.md"));
        pages.add(ROOT.resolve("DEVELOPERS.md"));
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher link = LINK.matcher(prose(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                Path file = hash == 0 ? page : page.getParent().resolve(hash < 0 ? target : target.substring(0, hash)).normalize();
                if (!Files.exists(file)) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading; the page has " + anchors(file) + ")");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static List<Path> docsPages() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** The page without its code blocks, whose lines are neither headings nor links. */
    private static String prose(Path page) throws IOException {
        return CODE_BLOCK.matcher(Files.readString(page)).replaceAll("");
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(Path page) throws IOException {
        List<String> anchors = new ArrayList<>();
        Matcher heading = HEADING.matcher(prose(page));
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
