/**
 * The {@code haigui} command: thin picocli commands that parse flags, call one feature, and map
 * its errors to exit codes in one place ({@link org.haigui.cli.ErrorMapper}).
 *
 * <p>May use: every feature package. Nothing may use it.
 */
package org.haigui.cli;
