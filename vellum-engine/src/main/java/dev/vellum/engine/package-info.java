/**
 * Vellum's DB-API: {@link dev.vellum.engine.Vellum#connect(String)} opens a {@link dev.vellum.engine.Connection}
 * from a SQLAlchemy-style {@link dev.vellum.engine.Url}; statements run with {@code ?} or {@code :name} binds and
 * return a {@link dev.vellum.engine.Result} of {@link dev.vellum.engine.Row}s. Values always travel as binds:
 * there is no method that splices a value into SQL text.
 */
package dev.vellum.engine;
