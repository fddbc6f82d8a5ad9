/**
 * The live view: {@code haigui serve}, a web server with a JSON API under {@code /api/v1}, a
 * bilingual dashboard (plain HTML, CSS and JavaScript from {@code src/main/resources/web}, Apache
 * ECharts from its WebJar in the jar), and accounts with roles (admin, analyst, researcher, and the
 * public without a login) on the same store, catalogue and disclosure control as the command line.
 *
 * <p><b>One process owns the store.</b> {@link org.haigui.web.WebServer} opens the store for writing
 * and holds it while it runs: uploads import on the store's one writer (one at a time), every
 * request reads on its own reader connection (a snapshot from before or after an import's commit,
 * never half of it), and accounts, sessions and the audit log are written on a bookkeeping
 * connection of their own so that they never join an import's transaction. Computed figures are
 * cached per (as-of date, blueprint, raw or protected), each distinct answer serialised and gzipped
 * once with a strong ETag ({@code Prepared}); the default date's are computed in the background at
 * start-up. When an import commits, the previous figures keep answering - marked
 * {@code "refreshing": true} with the import batch they hold (headers {@code X-Figures-Refreshing},
 * {@code X-Figures-Batch}) - while the new ones are computed in the background, and are swapped for
 * them when complete: an answer is always one set of figures from one snapshot.
 *
 * <p><b>Who sees what.</b> Only the analyst gets raw figures; every other caller gets the figures
 * that {@link org.haigui.disclosure.Disclosure#protect} publishes. Every route is one entry of the
 * route table ({@code Api}), which says which roles may call it; the OpenAPI document and the
 * security tests are generated from the same table, so a new route cannot miss either. Errors are
 * mapped to HTTP statuses in one place ({@code HttpErrors}).
 *
 * <p>Public surface: {@link org.haigui.web.WebServer} with its {@link org.haigui.web.ServerConfig},
 * {@link org.haigui.web.Accounts} (also used by {@code haigui user}) and {@link org.haigui.web.Role}.
 *
 * <p>May use: {@code indicators}, {@code disclosure}, {@code store}, {@code ingest}, {@code blueprint},
 * {@code ties}, {@code ids} (masking what the audit log keeps), {@code core}, Javalin (Jetty), Jackson, Bouncy Castle (Argon2id), the JDK.
 */
package org.haigui.web;
