/// Parallel and concurrent batch processing of MARC records, with output identical to a
/// sequential run.
///
/// - [MarcBatch]: many files at once, one reader per file on its own (virtual) thread.
/// - [ParallelMarcReader]: one large ISO 2709 or MARC-in-JSON-lines file decoded on all cores,
///   records in file order.
/// - [MarcGatherers] and [Pipeline]: a user function (which may block on I/O) applied with
///   bounded concurrency on virtual threads, ordered or unordered, with backpressure.
/// - [StructuredScope]: the small structured-concurrency scope the others are built on (fail-fast,
///   deadlines, no thread outlives the scope), usable directly without `--enable-preview`.
///
/// See `CONCURRENCY.md` at the project root for which API fits which job.
package org.marcloom.batch;
