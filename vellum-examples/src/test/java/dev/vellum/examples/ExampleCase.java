package dev.vellum.examples;

import java.util.List;
import java.util.function.BiConsumer;

import dev.vellum.engine.Backend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example with the output it must print on each backend. Shared by {@link ExamplesTest} (SQLite) and
 * {@link ExamplesIT} (every database).
 */
enum ExampleCase {
    DB_API(DbApiExample::run, true, (out, b) -> assertThat(out).containsExactly("(1, 'Alice')")),
    PSYCOPG(PsycopgExample::run, false, (out, b) -> assertThat(out).containsExactly("1 Alice")),
    TRANSACTION(TransactionExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "order 1 committed",
            "order 2 rolled back: IntegrityException",
            "customers: [('Alice',)]",
            "orders: [('Vellum T-shirt',)]")),
    NAMED_BINDS(NamedBindsExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "('Ana', 28)",
            "('Marc', 34)",
            "no value for bind :name [SQL: SELECT * FROM members WHERE name = :name]",
            "value(s) given for no placeholder: :age (the statement uses :name) "
                    + "[SQL: SELECT * FROM members WHERE name = :name]")),
    EXECUTE_MANY(ExecuteManyExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "inserted 3, updated 2",
            "players: 10003",
            "top: ('bot-1099', 99)")),
    RESULT(ResultExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "expected exactly one row, got more than one",
            "one: (1, 'Dune'), oneOrNull: null, first: ('Solaris', 1961)",
            "scalar: 5, all: [('Dune',), ('Hyperion',), ('Kindred',), ('Neuromancer',), ('Solaris',)]",
            "batch of 2",
            "batch of 2",
            "batch of 1",
            "fetchMany: [('Dune',), ('Neuromancer',)] then [('Solaris',), ('Hyperion',), ('Kindred',)]",
            "false 2",
            "true [id, name]")),
    RECORDS(RecordsExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "1 Ada Lovelace 2021-03-01 5200.50",
            "2 Alan Turing 2023-09-15 4800.00",
            "one: Ada Lovelace hired 2021-03-01",
            "first: Alan Turing")),
    STREAMING(StreamingExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "first error: (7, 'error')",
            "total: 12502500")),
    TYPES(TypesExample::run, true, ExampleCase::checkTypes),
    TIME_ZONES(TimeZonesExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "instant: 2024-05-01T10:30:00Z",
            "local: 2024-05-01T12:30",
            switch (b) {
                case SQLITE -> "stored: String 2024-05-01 10:30:00";
                case POSTGRESQL -> "stored: OffsetDateTime 2024-05-01T10:30Z";
                case MARIADB -> "stored: LocalDateTime 2024-05-01T10:30";
            },
            "found by instant: 1")),
    SAVEPOINTS(SavepointExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "skipped duplicate ana@example.com",
            "subscribers: [('ana@example.com',), ('bob@example.com',), ('eve@example.com',)]")),
    READ_ONLY(ReadOnlyExample::run, true, (out, b) -> {
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isEqualTo("2 reports");
        assertThat(out.get(1)).startsWith("refused: ").endsWith("[SQL: DELETE FROM reports]");
        assertThat(out.get(2)).isEqualTo("read-only: false, 3 reports");
    }),
    STATEMENT_TIMEOUT(StatementTimeoutExample::run, true, (out, b) -> {
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).startsWith("statement cancelled after the 200 ms timeout [SQL: ");
        assertThat(out.subList(1, 3)).containsExactly("connection timeout: PT30S", "still usable: 2");
    }),
    AUTOCOMMIT(AutocommitExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "batch undone: IntegrityException",
            "visits: 1",
            "cannot switch autocommit inside a transaction: commit or roll back first",
            "visits after rollback: 1")),
    URLS(UrlExample::run, true, (out, b) -> {
        assertThat(out.subList(0, 6)).containsExactly(
                "POSTGRESQL app db.example.com 5432 shop {sslmode=require}",
                "s3cr@t",
                "postgresql://app:***@db.example.com:5432/shop?sslmode=require",
                "/var/data/app.db",
                "true",
                "bad port '99999' in URL postgresql://app@db.example.com:99999/shop: expected 1-65535");
        assertThat(out).hasSize(7);
        assertThat(out.get(6)).startsWith("connected to " + b.scheme() + "://").endsWith(" (" + b + ")");
    }),
    ENGINE(EngineExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "rolled back: IntegrityException",
            "supplies: [('pen',), ('ink',)]",
            "0 active, 6 checkouts")),
    HOOKS(HooksExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "rolled back",
            "cache: {2=Grace}",
            "people: [('Ada Lovelace',), ('Grace',)]")),
    RETRY(RetryEngineExample::run, "needs a database several connections share", (out, b) ->
            assertThat(out).containsExactly("hits: 101, retried: true", "IntegrityException after 1 attempt")),
    POOL_EVENTS(PoolEventsExample::run, "needs a database several connections share", (out, b) ->
            assertThat(out).containsExactly(
                    "2 active, 2 open",
                    "0 active, 1 open, 2 checkouts",
                    "[checkout 1, checkout 2, checkin 2, checkin 1, invalidate 1 (overflow)]")),
    CORE(CoreExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "alice@example.com",
            "Hello, Vellum",
            "Core without strings",
            "SELECT count(*) FROM blog_users WHERE blog_users.name LIKE ? [Alice%]",
            "Alice Liddell")),
    ORM(OrmExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "alice@example.com",
            "Alice wrote 2",
            "Bob wrote 0",
            "Hello, Vellum by Alice",
            "Relationships without N+1 by Alice",
            "[]",
            "rolled back: IntegrityException",
            "3 users")),
    REFLECTION(ReflectionExample::run, true, (out, b) -> assertThat(out).containsExactly(
            "[id]",
            "id: Integer, not null",
            "customer_id: Integer, not null",
            "total: BigDecimal, not null",
            "note: String",
            "[customer_id] -> shop_customers[id] on delete CASCADE",
            "2 orders")),
    COPY(CopyExample::run, true, (out, b) -> assertThat(out).containsExactly(switch (b) {
        case POSTGRESQL -> new String[] {"copied 1000 rows", "250 readings of 30 degrees or more"};
        case SQLITE -> new String[] {"COPY is PostgreSQL's; SQLite has no COPY", "inserted 1 row instead"};
        case MARIADB -> new String[] {"COPY is PostgreSQL's; MariaDB has no COPY", "inserted 1 row instead"};
    })),
    ERRORS(ErrorsExample::run, true, (out, b) -> {
        assertThat(out).hasSize(5);
        assertThat(out.get(0)).isEqualTo(switch (b) {
            case SQLITE -> "already signed up (SQLState null, vendor code 19, transient false)";
            case POSTGRESQL -> "already signed up (SQLState 23505, vendor code 0, transient false)";
            case MARIADB -> "already signed up (SQLState 23000, vendor code 1062, transient false)";
        });
        assertThat(out.subList(1, 4)).containsExactly(
                "ProgrammingException in SELECT * FROM signup",
                "InvalidResultException: expected exactly one row, got more than one",
                "ProgrammingException: the statement has 1 ? placeholder(s) but 0 value(s) were given "
                        + "[SQL: SELECT * FROM signups WHERE email = ?]");
        assertThat(out.get(4)).startsWith("InterfaceException: the connection is closed (" + b.scheme() + "://");
    });

    private final Example example;
    private final String memoryFailure;
    private final BiConsumer<List<String>, Backend> check;

    ExampleCase(Example example, boolean inMemory, BiConsumer<List<String>, Backend> check) {
        this(example, inMemory ? null : "no such table", check);
    }

    ExampleCase(Example example, String memoryFailure, BiConsumer<List<String>, Backend> check) {
        this.example = example;
        this.memoryFailure = memoryFailure;
        this.check = check;
    }

    /** True when the example works on {@code sqlite://}, where each connection has its own database. */
    boolean runsInMemory() {
        return memoryFailure == null;
    }

    /** Part of the message the example fails with on {@code sqlite://}, when it does not run there. */
    String memoryFailure() {
        return memoryFailure;
    }

    /** Runs the example twice on {@code url}, checking the output of each run. */
    void verify(String url, Backend backend) {
        for (int run = 1; run <= 2; run++) {
            List<String> out = example.output(url);
            try {
                check.accept(out, backend);
            } catch (AssertionError e) {
                throw new AssertionError(this + " on " + backend + ", run " + run + ", printed " + out
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private static void checkTypes(List<String> out, Backend backend) {
        assertThat(out).hasSize(12);
        assertThat(out.get(0)).isEqualTo(backend == Backend.SQLITE
                ? "(1, 'Lamp', 19.9, 0.25, 1, '2024-05-01', '09:30:00', '2024-05-01 09:30:15', "
                        + "'0f8fad5b-d9cb-469f-a165-70867728950e', b'\\x01\\x02\\x03')"
                : "(1, 'Lamp', 19.90, 0.25, true, '2024-05-01', '09:30', '2024-05-01T09:30:15', "
                        + "'0f8fad5b-d9cb-469f-a165-70867728950e', b'\\x01\\x02\\x03')");
        assertThat(out.get(11)).isEqualTo("typed: 1 19.90 0.25 true 2024-05-01 09:30 2024-05-01T09:30:15 "
                + "0f8fad5b-d9cb-469f-a165-70867728950e 010203");
        assertThat(out.subList(1, 11)).containsExactly(backend == Backend.SQLITE
                ? new String[] {"id: Long", "name: String", "price: Double", "weight: Double", "active: Long",
                    "added: String", "opens: String", "seen: String", "token: String", "data: byte[]"}
                : new String[] {"id: Long", "name: String", "price: BigDecimal", "weight: Double",
                    "active: Boolean", "added: LocalDate", "opens: LocalTime", "seen: LocalDateTime",
                    "token: UUID", "data: byte[]"});
    }
}
