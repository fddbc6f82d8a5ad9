package org.haigui.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.haigui.core.Progress;

/** Draws progress (with rows/s) on a terminal; silent when the output is not a terminal. */
final class ConsoleProgress implements Progress {

    private ProgressBar bar;

    private ConsoleProgress() {
    }

    static Progress create() {
        return System.console() != null ? new ConsoleProgress() : Progress.NONE;
    }

    /**
     * A step that reads rows ("import persons.csv", ...) shows rows and rows/s, with the percentage
     * once the total is known or estimated ({@link #total}).
     */
    @Override
    public void start(String step, long total) {
        start(step, total, true);
    }

    /**
     * A phase of work that is not row by row (the import checking, merging, committing) shows its
     * name, and the parts done of all when it has parts.
     */
    @Override
    public void startPhase(String step, long parts) {
        start(step, parts, false);
    }

    private void start(String step, long total, boolean rows) {
        finish();
        ProgressBarBuilder b = new ProgressBarBuilder()
            .setTaskName(step)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(System.err));
        if (rows) {
            b.setUnit(" rows", 1).showSpeed();
        } else if (total > 0) {
            b.setUnit(" tables", 1).hideEta();
        } else {
            b.hideEta();
        }
        bar = b.build();
    }

    @Override
    public void total(long total) {
        if (bar != null) {
            bar.maxHint(total);
        }
    }

    @Override
    public void advance(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
