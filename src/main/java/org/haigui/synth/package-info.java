/**
 * Synthetic returnee records: a reproducible, calibrated generator of every importable table
 * (data-format.md) for demos, tests and benchmarks, so that no real personal data is ever needed.
 *
 * <p>The population is cut into blocks of {@value org.haigui.synth.BlockGen#BLOCK} persons. Each
 * person draws from its own random stream seeded by (seed, person index), and each block draws its
 * founding teams and firms from a stream seeded by (seed, block index); blocks are written in order
 * and forgotten, so memory stays flat at any scale and the same seed gives the same bytes whatever
 * the number of worker threads. The calibration against the published Shanghai figures is
 * {@link org.haigui.synth.Calibration}.
 *
 * <p>May use: {@code schema}, {@code ids}, {@code core}, {@code csv} (the project's CSV reader, to copy
 * the generated CSV files into the workbook), the JDK, pinyin4j, jackson (reference data), fastexcel
 * (xlsx output); nothing else (the measured demo and benchmark pipeline, which joins the
 * generator to import, store and indicators, is {@code cli.Pipeline}). Used by: the {@code synth},
 * {@code demo} and {@code bench} commands and the tests.
 */
package org.haigui.synth;
