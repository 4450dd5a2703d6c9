/**
 * The {@code vellum} command line: {@code demo} runs the tutorial's exercises, {@code sql} runs statements or an
 * interactive prompt, {@code inspect} shows a database's tables, keys and indexes. Every failure prints one line
 * and exits non-zero.
 */
package dev.vellum.cli;
