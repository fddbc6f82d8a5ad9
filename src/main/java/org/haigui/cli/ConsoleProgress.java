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

    @Override
    public void start(String step, long total) {
        finish();
        bar = new ProgressBarBuilder()
            .setTaskName(step)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" rows", 1)
            .showSpeed()
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
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
