package dev.vellum.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import dev.vellum.examples.Snippets.Snippet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README honest: every {@code ```java} block of {@code README.md} must appear verbatim (modulo common
 * indentation and trailing whitespace) in the example sources, which the build compiles and the tests run; and
 * every tagged region of the sources must be quoted in the README.
 */
class ReadmeSnippetsTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path README = MODULE.resolveSibling("README.md");
    private static final Path SOURCES = MODULE.resolve("src/main/java");

    @Test
    void theReadmeHasJavaBlocks() {
        assertThat(README).exists();
        assertThat(Snippets.javaBlocks(README)).isNotEmpty();
    }

    @Test
    void everyReadmeJavaBlockIsInTheExampleSources() {
        List<Path> files = Snippets.javaFiles(SOURCES);
        assertThat(files).isNotEmpty();
        for (Snippet block : Snippets.javaBlocks(README)) {
            String drift = drift(block, files);
            if (drift != null) {
                throw new AssertionError("README.md line " + block.line() + " (java " + block.name()
                        + ", starting `" + block.lines().getFirst().strip() + "`) has drifted from the examples: "
                        + drift);
            }
        }
    }

    @Test
    void everyTaggedRegionIsQuotedInTheReadme() {
        List<Snippet> blocks = Snippets.javaBlocks(README);
        var names = new HashSet<String>();
        List<Snippet> regions = Snippets.taggedRegions(SOURCES);
        assertThat(regions).isNotEmpty();
        for (Snippet region : regions) {
            assertThat(names.add(region.name())).as("tag %s is used twice (%s)", region.name(), region.where())
                    .isTrue();
            assertThat(blocks).as("README.md quotes tag::%s[] of %s", region.name(), region.where())
                    .anyMatch(block -> block.lines().equals(region.lines()));
        }
    }

    /** Null when {@code block} is in one of {@code files}; otherwise where the closest candidate differs. */
    private static String drift(Snippet block, List<Path> files) {
        String first = block.lines().getFirst().strip();
        String closest = null;
        int closestLength = -1;
        for (Path file : files) {
            List<String> source = Snippets.read(file);
            for (int i = 0; i < source.size(); i++) {
                if (!source.get(i).strip().equals(first)) {
                    continue;
                }
                int diff = Snippets.firstDifference(block.lines(), source, i);
                if (diff < 0) {
                    return null;
                }
                if (diff > closestLength) {
                    closestLength = diff;
                    int sourceLine = i + diff;
                    closest = "closest match " + MODULE.relativize(file) + ":" + (i + 1) + " differs at block line "
                            + (diff + 1) + ":\n  README: " + block.lines().get(diff).strip() + "\n  source: "
                            + (sourceLine < source.size() ? source.get(sourceLine).strip() : "(end of file)");
                }
            }
        }
        return closest != null ? closest : "its first line is in no file under " + MODULE.relativize(SOURCES);
    }

    @Test
    void theReadmeIsFoundFromTheModuleDirectory() {
        assertThat(Files.isDirectory(SOURCES)).as("%s is a directory", SOURCES).isTrue();
    }
}
