/**
 * The {@code haigui} command: thin picocli commands that parse flags, call one feature, and map
 * its errors to exit codes in one place ({@link org.haigui.cli.ErrorMapper}).
 *
 * <p>Also one place each for: the city blueprint and survey definition ({@code Blueprints}: {@code --blueprint}, {@code --survey}; the city imports are for comes from the blueprint), how
 * every command imports ({@code Imports}: that city, and the institution name keys refreshed by
 * the import's after-merge hook; a failing or dry-run import leaves no new store behind), the
 * measured demo and benchmark pipeline ({@code Pipeline}), the files a command writes
 * ({@code Outputs}: checked before the work, never overwritten without {@code --force}), the
 * as-of date ({@code AsOf}: strict, the newest date in the store by default, the future refused
 * without {@code --allow-future}, always printed), {@code --encoding} ({@code Encodings}), and
 * {@code --lang zh|en} ({@code LangFlag}: the language of every command's summaries and headings,
 * by default the system locale's; error messages stay in both languages).
 *
 * <p>May use: every feature package. Nothing may use it.
 */
package org.haigui.cli;
