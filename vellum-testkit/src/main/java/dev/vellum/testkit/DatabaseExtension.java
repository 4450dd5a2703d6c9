package dev.vellum.testkit;

import java.util.List;
import java.util.stream.Stream;

import dev.vellum.engine.internal.ResourceTracker;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs a {@link DatabaseTest} once per selected {@link TestDb}, resolving its {@link TestDatabase} parameter from
 * a per-class store (so the schema is made once per class and dropped after it), and checks after every run that
 * the test closed every connection and statement it opened. Public only so JUnit can instantiate it; use
 * {@link DatabaseTest}.
 *
 * @since 0.1
 */
public final class DatabaseExtension implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(DatabaseExtension.class);

    /** Called by JUnit through {@link DatabaseTest}. */
    public DatabaseExtension() {
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return TestDb.selected().stream().map(Invocation::new);
    }

    /** The class-level holder: the database, or why it could not be set up (reported by every test using it). */
    private record Holder(TestDatabase database, AssertionError failure) implements AutoCloseable {
        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext classContext = context.getParent().orElse(context);
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext;
    }

    private static TestDatabase database(TestDb db, ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        String owner = classContext.getRequiredTestClass().getSimpleName();
        Holder holder = classContext.getStore(NS).computeIfAbsent(db, key -> {
            try {
                return new Holder(TestDatabase.create(db, owner), null);
            } catch (AssertionError e) {
                return new Holder(null, e);
            }
        }, Holder.class);
        if (holder.failure() != null) {
            throw holder.failure();
        }
        return holder.database();
    }

    private record Invocation(TestDb db) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + db.id() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Resolver(db), new LeakCheck(db));
        }
    }

    private record Resolver(TestDb db) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return database(db, context);
        }
    }

    /**
     * Fails a test that left connections or statements open (compared with the counts before it), after closing
     * the engines it created.
     */
    private static final class LeakCheck implements BeforeEachCallback, AfterEachCallback {
        private final TestDb db;
        private int connections;
        private int statements;

        LeakCheck(TestDb db) {
            this.db = db;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            connections = ResourceTracker.openConnections();
            statements = ResourceTracker.openStatements();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            Holder holder = classContext(context).getStore(NS).get(db, Holder.class);
            int checkedOut = holder == null || holder.database() == null ? 0 : holder.database().closeEngines();
            if (checkedOut != 0) {
                throw new AssertionError("leak: " + context.getDisplayName() + " left " + checkedOut
                        + " pooled connection(s) checked out");
            }
            int leakedConnections = ResourceTracker.openConnections() - connections;
            int leakedStatements = ResourceTracker.openStatements() - statements;
            if (leakedConnections != 0 || leakedStatements != 0) {
                throw new AssertionError("leak: " + context.getDisplayName() + " left " + leakedConnections
                        + " connection(s) and " + leakedStatements + " statement(s) open");
            }
        }
    }
}
