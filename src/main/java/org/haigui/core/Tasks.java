package org.haigui.core;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The result of work handed to another thread (import checking, bootstraps, report writing, the
 * server's figures), with its failure rethrown on the waiting thread as the work threw it, so that
 * the one error mapping ({@code cli.ErrorMapper}, the server's) sees the real exception, not a
 * wrapper.
 */
public final class Tasks {

    private Tasks() {
    }

    /**
     * Waits for {@code f}. A failure is rethrown as the task threw it when it is unchecked or of type
     * {@code checked}; any other checked exception, and an interruption of the waiting thread (whose
     * flag is set again), become a {@link HaiguiException} of kind INTERNAL that names {@code what}.
     */
    public static <T, X extends Exception> T result(Future<T> f, Class<X> checked, String what) throws X {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "interrupted while " + what, e);
        } catch (ExecutionException | CompletionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            if (checked.isInstance(c)) {
                throw checked.cast(c);
            }
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, what + " failed: " + c, c);
        }
    }
}
