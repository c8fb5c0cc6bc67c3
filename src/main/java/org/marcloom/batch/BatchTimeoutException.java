package org.marcloom.batch;

import java.time.Instant;
import java.util.List;

/// A batch call reached its deadline before every task finished. The unfinished tasks were
/// cancelled (interrupted) and joined before this was thrown: no thread outlives the call.
///
/// The message names the deadline and the unfinished tasks (file names for [MarcBatch]).
/// Immutable.
public final class BatchTimeoutException extends MarcBatchException {

    private static final long serialVersionUID = 1L;

    /// The deadline that passed.
    private final Instant deadline;
    /// The names of the unfinished tasks.
    private final List<String> unfinished;

    /// An exception for a deadline that passed.
    ///
    /// @param deadline   the deadline
    /// @param unfinished the names of the tasks that had not finished, in fork order (copied)
    /// @throws NullPointerException when `unfinished` or one of its names is null
    public BatchTimeoutException(Instant deadline, List<String> unfinished) {
        super("deadline " + deadline + " passed with " + unfinished.size() + " task(s) unfinished: "
                + unfinished, null, null);
        this.deadline = deadline;
        this.unfinished = List.copyOf(unfinished);
    }

    /// The deadline that passed.
    ///
    /// @return the deadline (`null` after deserialisation)
    public Instant deadline() {
        return deadline;
    }

    /// The names of the tasks (files) that had not finished, in fork order.
    ///
    /// @return the names, unmodifiable
    public List<String> unfinished() {
        return unfinished;
    }
}
