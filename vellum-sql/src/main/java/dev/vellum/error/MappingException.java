package dev.vellum.error;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity mapping Vellum cannot use: no id, a field of a type no column can hold, a relationship whose other
 * side is not mapped. Raised once, when the ORM is created, listing every problem found (each naming the class and
 * field), so a broken mapping fails at start-up rather than at the first query.
 *
 * @since 0.1
 */
public class MappingException extends InterfaceException {
    private static final long serialVersionUID = 1L;

    /** The problems, one per entry, each naming a class and usually a field. */
    private final ArrayList<String> problems;

    /** @param problems what is wrong, one entry per problem */
    public MappingException(List<String> problems) {
        super(problems.size() == 1 ? "invalid mapping: " + problems.getFirst()
                : "invalid mapping (" + problems.size() + " problems):\n  - " + String.join("\n  - ", problems));
        this.problems = new ArrayList<>(problems);
    }

    /** The problems found, one per entry. */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
