/**
 * What every feature shares: the one exception type with its kind (mapped to exit codes and HTTP
 * statuses in one place each, see {@code cli.ErrorMapper}), and the progress interface that long
 * work reports through.
 *
 * <p>May use: the JDK only.
 */
package org.haigui.core;
