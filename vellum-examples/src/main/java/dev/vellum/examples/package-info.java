/**
 * Runnable twins of the tutorial's examples; the README quotes them, and the build checks that every Java block
 * of the README appears here verbatim.
 */
package dev.vellum.examples;
