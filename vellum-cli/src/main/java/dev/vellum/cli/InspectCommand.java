package dev.vellum.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.vellum.engine.Backend;
import dev.vellum.engine.Engine;
import dev.vellum.engine.EngineOptions;
import dev.vellum.engine.Inspector;
import dev.vellum.engine.ReflectedColumn;
import dev.vellum.engine.ReflectedTable;
import dev.vellum.engine.Url;
import dev.vellum.engine.Vellum;
import dev.vellum.error.InterfaceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vellum inspect URL [--format text|json|mermaid]}: what the database holds, read through
 * {@link Inspector}: every table with its columns (type, nullability, default), primary key, foreign keys, unique
 * constraints and indexes, and the views with their columns. {@code text} is for people, {@code json} for tools,
 * {@code mermaid} an {@code erDiagram} of the tables and their foreign keys. PostgreSQL shows the current schema
 * (set it with {@code ?currentSchema=name}), MariaDB the URL's database.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show the tables, columns, keys and indexes of the database at URL.")
final class InspectCommand implements Callable<Integer> {
    /** The output formats. */
    enum Format {
        /** Aligned text for people. */
        TEXT,
        /** One JSON document for tools. */
        JSON,
        /** A Mermaid {@code erDiagram}. */
        MERMAID
    }

    /** Accepts a format name in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected text, json or mermaid, not '" + value + "'");
            }
        }
    }

    @Parameters(index = "0", paramLabel = "URL", description = "e.g. sqlite:///app.db, postgresql://user@host/db")
    String url;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class, description = "text (default), json or mermaid")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Url target = Url.parse(url);
        if (target.backend() == Backend.SQLITE && !target.isMemory() && !Files.exists(Path.of(target.database()))) {
            // opening it would create an empty database and report "no tables"
            throw new InterfaceException("no SQLite database at " + target.database());
        }
        // one connection is all the inspector needs: it reads on one connection at a time
        try (Engine engine = Vellum.createEngine(target, EngineOptions.defaults().poolSize(1).maxOverflow(0))) {
            Schema schema = Schema.read(target, engine.inspector());
            String rendered = switch (format) {
                case TEXT -> SchemaText.render(schema);
                case JSON -> SchemaJson.render(schema);
                case MERMAID -> SchemaMermaid.render(schema);
            };
            spec.commandLine().getOut().print(rendered);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /**
     * What {@code inspect} shows: the tables in full, the views by their columns.
     *
     * @param url    where it was read (its {@code toString} masks the password)
     * @param tables the tables, sorted by name
     * @param views  each view's columns, by view name in order
     */
    record Schema(Url url, List<ReflectedTable> tables, Map<String, List<ReflectedColumn>> views) {
        static Schema read(Url url, Inspector inspector) {
            var tables = new ArrayList<ReflectedTable>();
            for (String table : inspector.tables()) {
                tables.add(inspector.table(table));
            }
            var views = new LinkedHashMap<String, List<ReflectedColumn>>();
            for (String view : inspector.views()) {
                views.put(view, inspector.columns(view));
            }
            return new Schema(url, List.copyOf(tables), views);
        }
    }
}
