/**
 * For writing a dialect: {@link dev.vellum.dialect.spi.BaseDialect} (cache, quoting, literals),
 * {@link dev.vellum.dialect.spi.SqlCompiler} and {@link dev.vellum.dialect.spi.DdlCompiler}, whose protected
 * per-node methods a dialect overrides where its SQL differs.
 */
package dev.vellum.dialect.spi;
