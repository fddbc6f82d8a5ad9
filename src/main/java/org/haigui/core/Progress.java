package org.haigui.core;

/**
 * How long work reports how far it got. The CLI draws it as a progress bar on a terminal (and
 * stays quiet otherwise); the web will show it as a job status.
 */
public interface Progress {

    /** Starts a step; {@code total} is -1 when unknown. */
    void start(String step, long total);

    /** Sets the amount of work done in the current step. */
    void advance(long done);

    /** Ends the current step. */
    void finish();

    /** A progress that reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(String step, long total) {
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public void finish() {
        }
    };
}
