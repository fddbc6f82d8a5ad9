/**
 * Disclosure control: everything published passes through here. {@link org.haigui.disclosure.Disclosure#protect} turns
 * a raw result of the indicator engine (cells, their contributors, the relations between cells) into a
 * {@link org.haigui.disclosure.ProtectedResult} - primary suppression (minimum frequency, (n,k) dominance or p%), then
 * secondary suppression over all linked tables together, audited by an intruder who solves linear programmes over
 * every relation between published cells, and repaired until no suppressed cell can be recovered exactly or within the
 * exposure margin; secondary cells that are not needed are then published again. The intruder's linear programmes are
 * solved by a small warm-started bounded simplex ({@code Simplex}: feasible once per part, then a few pivots per
 * objective), with Hipparchus' simplex as the reference: the fallback when the fast one reports trouble, and the solver
 * that confirms every exposure the audit reports. {@link org.haigui.disclosure.Audit} plays that intruder on any published file;
 * {@link org.haigui.disclosure.DisclosureRules} are the parameters (a YAML file), recorded with every output.
 *
 * <p>May use: {@code indicators} (the raw types, relations and catalogue), {@code core}, the JDK, snakeyaml-engine,
 * hipparchus-optim (the simplex). Used by: {@code cli} and whatever publishes.
 */
package org.haigui.disclosure;
