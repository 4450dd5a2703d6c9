package dev.vellum.orm;

/**
 * How a relationship is loaded, per relationship ({@link Loading}) or per query ({@link Load}). The names are
 * SQLAlchemy's {@code lazy=} values.
 *
 * @since 0.1
 */
public enum LoadStrategy {
    /**
     * On first access, for every object loaded by the same query at once: touching {@code user.getPosts()} of one
     * user loads the posts of all users that query returned, in one {@code IN} query. The default for
     * collections and {@link Ref} fields: a loop over the users costs two queries, not N+1.
     */
    LAZY,
    /** Right after the owning objects load, with one {@code IN} query for the whole result. */
    SELECTIN,
    /** In the same statement as the owning objects, through a {@code LEFT JOIN}. */
    JOINED,
    /** Never loaded implicitly: touching it unloaded throws, naming the entity and attribute. For tests. */
    RAISE
}
