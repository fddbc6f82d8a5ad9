package org.haigui.core;

/**
 * How long work reports how far it got. The CLI draws it as a progress bar on a terminal (and
 * stays quiet otherwise); the web will show it as a job status.
 */
public interface Progress {

    /** Starts a step; {@code total} is -1 when unknown. */
    void start(String step, long total);

    /**
     * Starts a step that does not go row by row (an import checking, merging, committing): its name,
     * and {@code parts} (tables, say) to advance through, or -1 when it is one indivisible piece of work.
     */
    default void startPhase(String step, long parts) {
        start(step, parts);
    }

    /** Revises the total of the current step (an estimate that improves as the work goes on); -1 when unknown. */
    default void total(long total) {
    }

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
