package org.haigui.ingest.xlsx;

/**
 * Safety limits of the reader.
 *
 * @param maxEntryBytes the most bytes one zip entry may inflate to (default 1 GiB)
 * @param maxRatio the highest inflated/compressed ratio accepted once {@code
 *     minBytesBeforeRatioCheck} bytes have been inflated (default 200)
 * @param minBytesBeforeRatioCheck inflated bytes below which the ratio is not checked (default 1 MiB):
 *     small XML parts compress very well and are harmless
 * @param maxColumns the highest column count accepted (default 16384, Excel's XFD)
 */
public record XlsxLimits(long maxEntryBytes, double maxRatio, long minBytesBeforeRatioCheck, int maxColumns) {

    public XlsxLimits {
        if (maxEntryBytes <= 0 || !(maxRatio > 0) || minBytesBeforeRatioCheck < 0 || maxColumns <= 0) {
            throw new IllegalArgumentException("xlsx limits must be positive: maxEntryBytes=" + maxEntryBytes
                    + ", maxRatio=" + maxRatio + ", minBytesBeforeRatioCheck=" + minBytesBeforeRatioCheck
                    + ", maxColumns=" + maxColumns);
        }
    }

    /** 1 GiB per entry, ratio 200 after 1 MiB, 16384 columns. */
    public static XlsxLimits defaults() {
        return new XlsxLimits(1L << 30, 200.0, 1L << 20, 16_384);
    }
}
