/**
 * The blueprint: a city's development plan as data (blueprint.md) - its districts (GB/T 2260),
 * its priority industries (GB/T 4754-2017 code prefixes, a tier, the ISCED-F fields that supply
 * their talent) and its key zones (names and aliases, districts) - and the survey definition
 * (questions and their options), both read from YAML 1.2 / JSON files that a bureau edits.
 *
 * <p>{@link org.haigui.blueprint.BlueprintReader} and {@link org.haigui.blueprint.SurveyReader}
 * check every rule of the format and refuse a bad file with an {@code INPUT}
 * {@link org.haigui.core.HaiguiException} that lists every error with its file and line. The
 * values ({@link org.haigui.blueprint.Blueprint}, {@link org.haigui.blueprint.Industry},
 * {@link org.haigui.blueprint.Zone}, {@link org.haigui.blueprint.SurveyDefinition}) carry the
 * matching the indicators need: which industries an industry code falls under, which key zone a
 * zone name (normalised as institution names are, {@link org.haigui.core.NameNormalizer}) names,
 * which industries a field supplies, and which zone names of the store name no key zone
 * ({@link org.haigui.blueprint.UnmatchedZone}, with the closest zone as a suggestion). Shipped: Shanghai's 2021-2025 blueprint (the default),
 * Shenzhen's, and the synthetic survey's definition, as resources.
 *
 * <p>May use: {@code core}, {@code schema}, the JDK, snakeyaml-engine. Used by: {@code indicators}
 * (the blueprint indicators) and {@code cli}. Nothing here opens a database.
 */
package org.haigui.blueprint;
