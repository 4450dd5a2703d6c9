package dev.vellum.orm.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sample sources with the metamodel processor, as a user's build would: {@code javac --release 21} with
 * {@code -Xlint:all,-processing -Werror} (so a warning in the generated code fails the compilation), the test class
 * path as class path and the processor's classes as processor path.
 */
final class Compilation implements AutoCloseable {
    private final Path dir;
    private final boolean success;
    private final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    private URLClassLoader loader;

    private Compilation(Path dir, boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        this.dir = dir;
        this.success = success;
        this.diagnostics = diagnostics;
    }

    /** Compiles {@code sources} (path relative to the source root, like {@code com/example/User.java}, to text). */
    static Compilation of(Path dir, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path out = Files.createDirectories(dir.resolve("classes"));
        Path gen = Files.createDirectories(dir.resolve("generated"));
        var files = new ArrayList<File>();
        for (var e : sources.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file.toFile());
        }
        String processorPath = processorClasses().toString();
        String classPath = System.getProperty("java.class.path") + File.pathSeparator + processorPath;
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var collector = new DiagnosticCollector<JavaFileObject>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "21", "-Xlint:all,-processing", "-Werror",
                    "-proc:full", "-processor", MetamodelProcessor.class.getName(),
                    "-processorpath", processorPath, "-classpath", classPath,
                    "-d", out.toString(), "-s", gen.toString());
            boolean ok = javac.getTask(null, fm, collector, options, null, fm.getJavaFileObjectsFromFiles(files))
                    .call();
            return new Compilation(dir, ok, List.copyOf(collector.getDiagnostics()));
        }
    }

    private static Path processorClasses() {
        try {
            return Path.of(MetamodelProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when javac succeeded. */
    boolean success() {
        return success;
    }

    /** Every diagnostic, formatted, one per line: for failure messages. */
    String report() {
        return diagnostics.stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }

    /** The messages of the diagnostics of {@code kind}. */
    List<String> messages(Diagnostic.Kind kind) {
        return diagnostics.stream().filter(d -> d.getKind() == kind).map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    /** The diagnostics of {@code kind}. */
    List<Diagnostic<? extends JavaFileObject>> diagnostics(Diagnostic.Kind kind) {
        return diagnostics.stream().filter(d -> d.getKind() == kind).toList();
    }

    /** The generated source of the class {@code qualifiedName}. */
    String generated(String qualifiedName) {
        try {
            return Files.readString(dir.resolve("generated").resolve(qualifiedName.replace('.', '/') + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a source for {@code qualifiedName} was generated. */
    boolean hasGenerated(String qualifiedName) {
        return Files.exists(dir.resolve("generated").resolve(qualifiedName.replace('.', '/') + ".java"));
    }

    /** Loads a compiled class, in a loader whose parent is the test's (so Vellum and jakarta are shared). */
    Class<?> load(String qualifiedName) throws ClassNotFoundException {
        if (loader == null) {
            try {
                loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                        Compilation.class.getClassLoader());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return Class.forName(qualifiedName, true, loader);
    }

    @Override
    public void close() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }
}
