/**
 * Vellum's lowest layer: the one exception hierarchy raised by every layer above it.
 * It requires nothing beyond {@code java.base}, so no JDBC type can leak into it.
 */
module dev.vellum.sql {
    exports dev.vellum.error;
}
