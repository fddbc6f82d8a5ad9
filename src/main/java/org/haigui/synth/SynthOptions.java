package org.haigui.synth;

import java.nio.file.Path;
import org.haigui.core.HaiguiException;

/**
 * What to generate.
 *
 * @param out       the folder to write into (created if missing)
 * @param persons   number of persons (default {@value Calibration#DEFAULT_PERSONS})
 * @param seed      the random seed; the same seed and persons give byte-identical files
 * @param format    CSV files or one xlsx workbook
 * @param dirtyRate share of rows to damage, 0 for a clean run
 * @param threads   worker threads (the output does not depend on it)
 */
public record SynthOptions(Path out, long persons, long seed, Format format, double dirtyRate, int threads) {

    /** Output format. */
    public enum Format { CSV, XLSX }

    public SynthOptions {
        if (out == null) {
            throw HaiguiException.usage("synth: an output folder is required (--out DIR)");
        }
        if (persons < 1) {
            throw HaiguiException.usage("synth: --persons must be at least 1, got " + persons);
        }
        if (!(dirtyRate >= 0 && dirtyRate <= 1)) {
            throw HaiguiException.usage("synth: --dirty must be a share between 0 and 1, got " + dirtyRate);
        }
        if (threads < 1) {
            throw HaiguiException.usage("synth: threads must be at least 1");
        }
    }

    public static SynthOptions defaults(Path out) {
        return new SynthOptions(out, Calibration.DEFAULT_PERSONS, Calibration.DEFAULT_SEED, Format.CSV, 0,
            Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public SynthOptions withPersons(long n) {
        return new SynthOptions(out, n, seed, format, dirtyRate, threads);
    }

    public SynthOptions withSeed(long s) {
        return new SynthOptions(out, persons, s, format, dirtyRate, threads);
    }

    public SynthOptions withFormat(Format f) {
        return new SynthOptions(out, persons, seed, f, dirtyRate, threads);
    }

    public SynthOptions withDirtyRate(double rate) {
        return new SynthOptions(out, persons, seed, format, rate, threads);
    }

    public SynthOptions withThreads(int n) {
        return new SynthOptions(out, persons, seed, format, dirtyRate, n);
    }
}
