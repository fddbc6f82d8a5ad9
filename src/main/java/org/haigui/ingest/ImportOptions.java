package org.haigui.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.haigui.schema.City;

/**
 * How to import.
 *
 * @param encoding      encoding of CSV input (UTF-8 or GB18030)
 * @param dryRun        check and report, write the rejected-rows files, change nothing in the store
 * @param writeRejected write {@code <table>.rejected.csv/.xlsx} beside the input
 * @param city          the city whose district codes are valid (always given by the caller)
 * @param afterMerge    run inside the import's transaction after the merge, before the commit
 *                      (see {@link AfterMerge}); {@link AfterMerge#NONE} by default
 * @param survey        how survey answers are checked ({@link SurveyCheck#NONE} by default: stored as given)
 * @param revive        rows whose key was deleted ({@code haigui delete}: a tombstone) are imported
 *                      again instead of rejected
 */
public record ImportOptions(Charset encoding, boolean dryRun, boolean writeRejected, City city, AfterMerge afterMerge,
                            SurveyCheck survey, boolean revive) {

    public ImportOptions {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(afterMerge, "afterMerge");
        survey = survey == null ? SurveyCheck.NONE : survey;
    }

    public ImportOptions(Charset encoding, boolean dryRun, boolean writeRejected, City city, AfterMerge afterMerge,
                         SurveyCheck survey) {
        this(encoding, dryRun, writeRejected, city, afterMerge, survey, false);
    }

    public ImportOptions(Charset encoding, boolean dryRun, boolean writeRejected, City city, AfterMerge afterMerge) {
        this(encoding, dryRun, writeRejected, city, afterMerge, SurveyCheck.NONE);
    }

    public ImportOptions withRevive(boolean r) {
        return new ImportOptions(encoding, dryRun, writeRejected, city, afterMerge, survey, r);
    }

    public ImportOptions withSurvey(SurveyCheck check) {
        return new ImportOptions(encoding, dryRun, writeRejected, city, afterMerge, check, revive);
    }

    /** UTF-8, a real import, rejected-rows files written, no after-merge hook, for that city. */
    public static ImportOptions forCity(City city) {
        return new ImportOptions(StandardCharsets.UTF_8, false, true, city, AfterMerge.NONE);
    }

    public ImportOptions withEncoding(Charset cs) {
        return new ImportOptions(cs, dryRun, writeRejected, city, afterMerge, survey, revive);
    }

    public ImportOptions withDryRun(boolean dry) {
        return new ImportOptions(encoding, dry, writeRejected, city, afterMerge, survey, revive);
    }

    public ImportOptions withWriteRejected(boolean write) {
        return new ImportOptions(encoding, dryRun, write, city, afterMerge, survey, revive);
    }

    public ImportOptions withAfterMerge(AfterMerge hook) {
        return new ImportOptions(encoding, dryRun, writeRejected, city, hook, survey, revive);
    }
}
