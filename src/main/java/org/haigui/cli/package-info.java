/**
 * The {@code haigui} command: thin picocli commands that parse flags, call one feature, and map
 * its errors to exit codes in one place ({@link org.haigui.cli.ErrorMapper}).
 *
 * <p>Also one place each for: the city blueprint and survey definition ({@code Blueprints}: {@code --blueprint}, {@code --survey}; the city imports are for comes from the blueprint), how
 * every command imports ({@code Imports}: that city, and the institution name keys refreshed by
 * the import's after-merge hook), and the measured demo and benchmark pipeline ({@code Pipeline}).
 *
 * <p>May use: every feature package. Nothing may use it.
 */
package org.haigui.cli;
