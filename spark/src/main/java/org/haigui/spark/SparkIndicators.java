package org.haigui.spark;

import org.apache.spark.sql.SparkSession;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.RawResult;

/** One indicator run on Spark: the standard catalogue over the tables of an export, in one {@link SparkSqlSession}. */
public final class SparkIndicators {

    private SparkIndicators() {
    }

    /**
     * Registers the export at {@code input} and runs the request (the same engine and catalogue as
     * {@code haigui indicators}); the run's cached views are dropped at the end.
     */
    public static RawResult run(SparkSession spark, String input, IndicatorRequest request) {
        ExportTables.register(spark, input);
        try (SparkSqlSession s = new SparkSqlSession(spark)) {
            return new IndicatorEngine().run(s, request);
        }
    }
}
