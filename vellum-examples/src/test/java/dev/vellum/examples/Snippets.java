package dev.vellum.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads code snippets: the {@code ```java} blocks of a Markdown file, the tagged regions
 * ({@code // tag::name[]} ... {@code // end::name[]}) of Java sources, and compares them after removing common
 * leading indentation and trailing whitespace.
 */
final class Snippets {
    private static final Pattern FENCE_OPEN = Pattern.compile("^\\s*```java\\s*$");
    private static final Pattern FENCE_CLOSE = Pattern.compile("^\\s*```\\s*$");
    private static final Pattern TAG = Pattern.compile("^\\s*// (tag|end)::([A-Za-z0-9_-]+)\\[]\\s*$");

    private Snippets() {
    }

    /** A snippet: where it starts (file and 1-based line), a name, and its normalised lines. */
    record Snippet(Path file, int line, String name, List<String> lines) {
        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    /** The {@code ```java} blocks of a Markdown file, in order. */
    static List<Snippet> javaBlocks(Path markdown) {
        List<String> lines = read(markdown);
        var blocks = new ArrayList<Snippet>();
        for (int i = 0; i < lines.size(); i++) {
            if (!FENCE_OPEN.matcher(lines.get(i)).matches()) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !FENCE_CLOSE.matcher(lines.get(end)).matches()) {
                end++;
            }
            if (end == lines.size()) {
                throw new AssertionError(markdown.getFileName() + ":" + i + ": ```java block is never closed");
            }
            List<String> body = normalise(lines.subList(start, end));
            blocks.add(new Snippet(markdown, i + 1, "block " + (blocks.size() + 1), body));
            i = end;
        }
        return blocks;
    }

    /** The tagged regions of every {@code .java} file under {@code root}. */
    static List<Snippet> taggedRegions(Path root) {
        var regions = new ArrayList<Snippet>();
        for (Path file : javaFiles(root)) {
            List<String> lines = read(file);
            String open = null;
            int start = 0;
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = TAG.matcher(lines.get(i));
                if (!m.matches()) {
                    continue;
                }
                if (m.group(1).equals("tag")) {
                    if (open != null) {
                        throw new AssertionError(file.getFileName() + ":" + (i + 1) + ": tag " + m.group(2)
                                + " opens inside tag " + open);
                    }
                    open = m.group(2);
                    start = i + 1;
                } else {
                    if (!m.group(2).equals(open)) {
                        throw new AssertionError(file.getFileName() + ":" + (i + 1) + ": end::" + m.group(2)
                                + " does not close " + (open == null ? "any tag" : "tag " + open));
                    }
                    regions.add(new Snippet(file, start + 1, open, normalise(lines.subList(start, i))));
                    open = null;
                }
            }
            if (open != null) {
                throw new AssertionError(file.getFileName() + ": tag " + open + " is never closed");
            }
        }
        return regions;
    }

    /** Every {@code .java} file under {@code root}, sorted. */
    static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trailing whitespace removed, blank first and last lines dropped, common indentation removed. */
    static List<String> normalise(List<String> lines) {
        var out = new ArrayList<String>();
        for (String line : lines) {
            out.add(line.stripTrailing());
        }
        while (!out.isEmpty() && out.getFirst().isEmpty()) {
            out.removeFirst();
        }
        while (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        int indent = out.stream().filter(l -> !l.isEmpty())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        out.replaceAll(l -> l.isEmpty() ? l : l.substring(indent));
        return out;
    }

    /**
     * The 0-based index of the first line where {@code block} differs from the lines of {@code source} starting
     * at {@code from} (normalised together), or -1 when they are equal.
     */
    static int firstDifference(List<String> block, List<String> source, int from) {
        int end = Math.min(source.size(), from + block.size());
        List<String> window = normalise(source.subList(from, end));
        for (int i = 0; i < block.size(); i++) {
            if (i >= window.size() || !block.get(i).equals(window.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
