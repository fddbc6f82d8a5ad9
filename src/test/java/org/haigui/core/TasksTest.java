package org.haigui.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

class TasksTest {

    private static <T> FutureTask<T> ran(java.util.concurrent.Callable<T> c) {
        FutureTask<T> f = new FutureTask<>(c);
        f.run();
        return f;
    }

    @Test
    void theResultOrTheFailureAsTheTaskThrewIt() throws Exception {
        assertThat(Tasks.result(ran(() -> 42), IOException.class, "counting")).isEqualTo(42);
        IOException io = new IOException("disk full");
        assertThatThrownBy(() -> Tasks.result(ran(() -> { throw io; }), IOException.class, "writing")).isSameAs(io);
        HaiguiException h = HaiguiException.input("row 3: bad date");
        assertThatThrownBy(() -> Tasks.result(ran(() -> { throw h; }), IOException.class, "reading")).isSameAs(h);
        StackOverflowError err = new StackOverflowError();
        assertThatThrownBy(() -> Tasks.result(ran(() -> { throw err; }), IOException.class, "reading")).isSameAs(err);
        // a CompletableFuture's failure comes the same way
        assertThatThrownBy(() -> Tasks.result(CompletableFuture.failedFuture(h), RuntimeException.class, "computing")).isSameAs(h);
    }

    @Test
    void anotherCheckedExceptionOrAnInterruptionIsAnInternalErrorNamingTheWork() {
        SQLException sql = new SQLException("connection closed");
        assertThatThrownBy(() -> Tasks.result(ran(() -> { throw sql; }), IOException.class, "writing the report"))
            .isInstanceOfSatisfying(HaiguiException.class, e -> assertThat(e.kind()).isEqualTo(HaiguiException.Kind.INTERNAL))
            .hasMessageContaining("writing the report failed").hasCause(sql);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Tasks.result(new CompletableFuture<>(), IOException.class, "waiting"))
                .isInstanceOf(HaiguiException.class).hasMessage("interrupted while waiting");
            assertThat(Thread.currentThread().isInterrupted()).as("the flag is set again").isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
