/**
 * What every feature shares: the one exception type with its kind (mapped to exit codes and HTTP
 * statuses in one place each, see {@code cli.ErrorMapper}), the progress interface that long
 * work reports through, the name normalisation that institution and zone names are matched
 * by ({@link org.haigui.core.NameNormalizer}), and the bigram similarity that suggests the closest
 * institution or zone for an unmatched name ({@link org.haigui.core.NameSimilarity}), and the
 * waiting for work handed to other threads with its failure rethrown as it was thrown
 * ({@link org.haigui.core.Tasks}).
 *
 * <p>May use: the JDK only.
 */
package org.haigui.core;
