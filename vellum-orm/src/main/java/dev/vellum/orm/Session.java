package dev.vellum.orm;

import java.util.Collection;
import java.util.List;

import dev.vellum.engine.Connection;
import dev.vellum.engine.Result;
import dev.vellum.sql.ast.SelectStatement;
import dev.vellum.sql.ast.Statement;

/**
 * A unit of work over entities, SQLAlchemy's {@code Session}: an identity map (one object per row), change tracking
 * (a flush writes only what changed, in foreign-key order) and a transaction begun on first use. Not thread-safe:
 * one session per unit of work and thread.
 *
 * <pre>{@code
 * try (Session sess = orm.session()) {
 *     sess.add(new User("Alice", "alice@example.com"));
 *     sess.commit();
 *     User alice = sess.select(User.class).where(User_.name.eq("Alice")).first();
 * }
 * }</pre>
 *
 * <p>After {@link #commit()} the objects stay as they are and stay in the session (SQLAlchemy would expire them, to
 * re-read each attribute on next access; Java cannot intercept a field read, so Vellum keeps the committed values
 * and offers {@link #refresh(Object)} to re-read). After {@link #rollback()} or {@link #close()} they are
 * detached: plain objects that no longer load or save anything.
 *
 * @since 0.1
 */
public interface Session extends AutoCloseable {
    /** Makes a new object pending (inserted at the next flush); a no-op for an object already in the session. */
    void add(Object entity);

    /** {@link #add(Object)} for each. */
    void addAll(Collection<?> entities);

    /**
     * The object with this primary key, from the identity map without SQL when present; {@code null} when no row
     * has it. A composite key is given as its {@code @IdClass} or {@code @EmbeddedId} instance.
     */
    <T> T get(Class<T> type, Object id);

    /** Marks the object deleted: its row goes at the next flush (with cascades and orphans). */
    void delete(Object entity);

    /** Writes pending changes now: inserts, updates and deletes in foreign-key order. */
    void flush();

    /** Flushes, commits the transaction and returns the connection to the pool. */
    void commit();

    /** Rolls the transaction back and detaches every object (their state no longer matches the database). */
    void rollback();

    /** Re-reads the object's columns from the database, dropping unflushed changes and unloaded relationships. */
    void refresh(Object entity);

    /** Removes the object from the session without touching the database. */
    void expunge(Object entity);

    /**
     * Copies a detached object's state onto this session's object with the same id (loaded if needed) and returns
     * that object; an object without an id, or whose row does not exist, is added as new.
     */
    <T> T merge(T entity);

    /** True when the object belongs to this session. */
    boolean contains(Object entity);

    /** A transaction scope: {@code try (var tx = sess.begin()) { ...; tx.commit(); }}; close rolls back. */
    SessionTransaction begin();

    /** A query for entities of {@code type} (and its subclasses): {@code sess.select(User.class).where(...).all()}. */
    <T> Query<T> select(Class<T> type);

    /**
     * A query for tuples of entities and columns, joined along relationships:
     * {@code sess.select(Author.class, Post.class).join(Author_.posts).where(...).all()}, or
     * {@code sess.select(Author.class, Author_.name, count())}. Each further part is an entity class (reached with
     * {@code join}) or a Core expression.
     */
    Query<Tuple> select(Class<?> entity, Object... more);

    /** The first column of the first row of a Core query (after a flush), as {@code type}; {@code null} for none. */
    <V> V scalar(SelectStatement query, Class<V> type);

    /** The first column of every row of a Core query (after a flush), as {@code type}. */
    <V> List<V> scalars(SelectStatement query, Class<V> type);

    /**
     * Runs a Core statement in the session's transaction, after a flush: selects of columns, and bulk
     * {@code update(...)} / {@code delete(...)} of a mapped table, after which the objects of this session that the
     * statement touched are refreshed or detached.
     */
    Result execute(Statement statement);

    /** The session's connection, in its transaction (begun now if needed), for what Core does better. */
    Connection connection();

    /** Adds a listener for this session's events. */
    void addListener(SessionListener listener);

    /** The ORM this session belongs to. */
    Orm orm();

    /** Rolls back anything uncommitted and releases the connection; the objects stay usable, detached. */
    @Override
    void close();
}
