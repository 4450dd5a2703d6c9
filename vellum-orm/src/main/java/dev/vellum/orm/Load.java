package dev.vellum.orm;

/**
 * A loading strategy for one relationship in one query, overriding the mapping's default:
 * {@code sess.select(User.class).options(Load.selectin(User_.posts))}.
 *
 * @param relationship the relationship
 * @param strategy     how it loads in this query
 * @since 0.1
 */
public record Load(Relationship<?, ?> relationship, LoadStrategy strategy) {
    /** Loads it right after the query, with one {@code IN} query for the whole result. */
    public static Load selectin(Relationship<?, ?> relationship) {
        return new Load(relationship, LoadStrategy.SELECTIN);
    }

    /** Loads it in the same statement, through a {@code LEFT JOIN}. */
    public static Load joined(Relationship<?, ?> relationship) {
        return new Load(relationship, LoadStrategy.JOINED);
    }

    /** Loads it on first use, batched over the query's result. */
    public static Load lazy(Relationship<?, ?> relationship) {
        return new Load(relationship, LoadStrategy.LAZY);
    }

    /** Never loads it implicitly: touching it throws. */
    public static Load raise(Relationship<?, ?> relationship) {
        return new Load(relationship, LoadStrategy.RAISE);
    }
}
