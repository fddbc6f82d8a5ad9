package org.haigui.ingest;

/** One thing wrong with a row: the column (as the user named it, or the canonical name), the value (masked where sensitive), why. */
record FieldError(String column, String value, String reason) {
}
