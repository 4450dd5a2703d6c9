package dev.vellum.orm;

/**
 * Callbacks around a session's writes, for auditing, timestamps or cache invalidation. Each method has an empty
 * default; a {@code before} callback may still change the object (the flush writes what it leaves). An exception
 * thrown by a callback fails the flush or commit.
 *
 * @since 0.1
 */
public interface SessionListener {
    /** Before the object's row is inserted. */
    default void beforeInsert(Object entity) {
    }

    /** After the object's row was inserted (generated keys are set). */
    default void afterInsert(Object entity) {
    }

    /** Before the object's changed columns are updated. */
    default void beforeUpdate(Object entity) {
    }

    /** After the object's row was updated. */
    default void afterUpdate(Object entity) {
    }

    /** Before the object's row is deleted. */
    default void beforeDelete(Object entity) {
    }

    /** After the object's row was deleted. */
    default void afterDelete(Object entity) {
    }

    /** Before a flush writes anything. */
    default void beforeFlush(Session session) {
    }

    /** After a flush wrote everything. */
    default void afterFlush(Session session) {
    }

    /** Before the transaction commits (after the final flush). */
    default void beforeCommit(Session session) {
    }

    /** After the transaction committed. */
    default void afterCommit(Session session) {
    }
}
