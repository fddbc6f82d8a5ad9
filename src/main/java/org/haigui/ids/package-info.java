/**
 * Identifiers of persons and firms: GB 11643 resident identity numbers, GB 32100 unified social
 * credit codes (both with their check characters), and the keyed hash that replaces an identity
 * number in the store.
 *
 * <p>May use: the JDK only.
 */
package org.haigui.ids;
