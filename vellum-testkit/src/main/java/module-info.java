/**
 * JUnit support for testing against real databases: {@code @DatabaseTest} runs one test body on every selected
 * database, each test class gets an isolated schema, and every test ends with a leak check.
 */
module dev.vellum.testkit {
    requires transitive dev.vellum.engine;
    requires transitive org.junit.jupiter.api;

    exports dev.vellum.testkit;
}
