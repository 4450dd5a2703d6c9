/**
 * The one exception tree of Vellum, modelled on PEP 249 (the Python DB-API).
 *
 * <pre>
 * VellumException
 * ├── InterfaceException          client-side misuse: closed connection, bad URL, unknown scheme, missing driver
 * │   └── MappingException        an entity mapping the ORM cannot use, every problem listed at start-up
 * ├── InvalidResultException      a result of the wrong shape: one() found no row, or several
 * ├── TransactionHookException    an after-commit or after-rollback hook failed (the transaction had ended)
 * └── DatabaseException           carries SQLState, vendor code and the SQL; isTransient()
 *     ├── DataException           value out of range, bad encoding
 *     ├── OperationalException    connection lost or refused, timeouts
 *     │   ├── PoolTimeoutException        no pooled connection became free within the pool timeout
 *     │   └── StatementTimeoutException   a statement cancelled by its timeout
 *     ├── IntegrityException      unique, foreign key, not null, check
 *     ├── StaleDataException      an optimistic lock was lost: a versioned UPDATE or DELETE matched no row
 *     ├── InternalException       the database's own state is inconsistent (e.g. write in a read-only transaction)
 *     ├── ProgrammingException    syntax, unknown table or column, wrong binds
 *     └── NotSupportedException   a construct the database cannot express
 * </pre>
 *
 * All are unchecked: a data-access failure is rarely something the immediate caller can handle, and the
 * subclasses let those who can catch exactly what they mean.
 */
package dev.vellum.error;
