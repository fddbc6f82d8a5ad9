/**
 * Labels: the names, in Chinese and in English, of the codes that outputs carry (districts,
 * zones and priority industries from the city's blueprint, countries from the JDK's locale data,
 * ISCED-F 2013 fields, GB/T 4754-2017 sections, degrees, genders, age bands, survey options,
 * breakdowns and comparison groups). One place, so that the CLI's {@code --labels}, the report and
 * the dashboard name a code alike. {@link org.haigui.labels.Language} is also the language of the
 * command line's summaries ({@code --lang}): it picks a text and pads Chinese columns.
 *
 * <p>May use: {@code blueprint}, {@code schema}, {@code indicators} (the breakdown registry), the
 * JDK. Used by {@code cli}, {@code report} and {@code web}.
 */
package org.haigui.labels;
