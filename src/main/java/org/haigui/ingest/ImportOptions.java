package org.haigui.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.haigui.schema.City;

/**
 * How to import.
 *
 * @param encoding      encoding of CSV input (UTF-8 or GB18030)
 * @param dryRun        check and report, write the rejected-rows files, change nothing in the store
 * @param writeRejected write {@code <table>.rejected.csv/.xlsx} beside the input
 * @param city          the city whose district codes are valid
 */
public record ImportOptions(Charset encoding, boolean dryRun, boolean writeRejected, City city) {

    public static ImportOptions defaults() {
        return new ImportOptions(StandardCharsets.UTF_8, false, true, City.SHANGHAI);
    }

    public ImportOptions withEncoding(Charset cs) {
        return new ImportOptions(cs, dryRun, writeRejected, city);
    }

    public ImportOptions withDryRun(boolean dry) {
        return new ImportOptions(encoding, dry, writeRejected, city);
    }

    public ImportOptions withWriteRejected(boolean write) {
        return new ImportOptions(encoding, dryRun, write, city);
    }
}
