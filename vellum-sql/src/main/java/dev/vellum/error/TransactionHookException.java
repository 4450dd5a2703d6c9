package dev.vellum.error;

/**
 * An after-commit or after-rollback hook failed. The transaction itself ended as its name says: a failing
 * after-commit hook does not undo the commit, so this is never a reason to run the transaction again (it is not
 * a {@link DatabaseException}, and no retry policy retries it). The hook's own exception is the cause.
 *
 * @since 0.1
 */
public class TransactionHookException extends VellumException {
    private static final long serialVersionUID = 1L;

    /**
     * @param outcome how the transaction ended: {@code committed} or {@code rolled back}
     * @param cause   the hook's exception
     */
    public TransactionHookException(String outcome, Throwable cause) {
        super("the transaction " + outcome + ", but a hook run after it failed: " + cause, cause);
    }
}
