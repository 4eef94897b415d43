package app.vigie.moderation.infrastructure;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transactions on Quarkus's JTA transaction manager (Narayana), so that Axon and our own code share one
 * transaction: the event store append, the projection rows, the token of the processor and the outbox row all
 * commit together or not at all. Inside a transaction that is already running (a REST call marked
 * {@code @Transactional}), Axon joins it and leaves the commit to its owner.
 */
final class JtaTransactions implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;

    JtaTransactions(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() == Status.STATUS_ACTIVE || jta.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                return joined();
            }
            jta.begin();
            return owned();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a transaction", e);
        }
    }

    private Transaction owned() {
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    if (jta.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                        jta.rollback();
                        throw new IllegalStateException("the transaction was marked for rollback");
                    }
                    jta.commit();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("commit failed", e);
                }
            }

            @Override
            public void rollback() {
                try {
                    jta.rollback();
                } catch (SystemException e) {
                    throw new IllegalStateException("rollback failed", e);
                }
            }
        };
    }

    private Transaction joined() {
        return new Transaction() {
            @Override
            public void commit() {
                // the owner of the surrounding transaction commits it
            }

            @Override
            public void rollback() {
                try {
                    jta.setRollbackOnly();
                } catch (SystemException e) {
                    throw new IllegalStateException("cannot mark the transaction for rollback", e);
                }
            }
        };
    }
}
