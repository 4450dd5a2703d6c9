/**
 * The {@code vellum} command line: {@code demo} runs the tutorial's exercises, {@code sql} runs statements or an
 * interactive prompt. Every failure prints one line and exits non-zero.
 */
package dev.vellum.cli;
