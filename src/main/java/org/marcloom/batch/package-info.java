/// Concurrent processing of many MARC inputs, with output identical to a sequential run.
///
/// | Job | Use | Threads |
/// |---|---|---|
/// | One large ISO 2709 or MARC-in-JSON file, CPU-bound decoding | `MarcReader.builder().concurrency(n)` (and `MarcWriter.builder().concurrency(n)` to encode) | n workers, records in file order |
/// | Many files, one result per file | [MarcBatch]`.builder()...run(files, task)` | one per file, at most `concurrency` at once |
/// | A per-record function that blocks on I/O | [Pipeline]`.builder().concurrency(n)...run(source, fn, sink)` or `.gatherer(fn)` | one per element, at most `concurrency` in flight |
///
/// Every builder names its knobs the same way (`concurrency`, `threadFactory`, `deadline`,
/// `options`), checks them the same way, and refuses a setting given twice with different
/// values. Failures come as [MarcBatchException] (with the file or element that failed and the
/// original cause) or [BatchTimeoutException]; no thread outlives a call.
///
/// See `CONCURRENCY.md` at the project root for the guarantees and the measured figures.
package org.marcloom.batch;
