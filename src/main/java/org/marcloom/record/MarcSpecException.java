package org.marcloom.record;

/// A string that is not a MARCspec, with the character where it stops being one. The message has
/// the problem, the index and the spec with a caret under that character:
///
/// ```
/// expected 1 or 2 after '^' (indicator 1 or 2) at index 4 of "245^3"
///   245^3
///       ^
/// ```
///
/// It is an [IllegalArgumentException], so code that caught the record model's earlier selector
/// errors still catches it. Immutable and thread-safe.
public final class MarcSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /// The spec as given.
    private final String spec;
    /// Zero-based index of the character at fault.
    private final int index;
    /// What is wrong, without the location.
    private final String problem;

    MarcSpecException(String spec, int index, String problem) {
        super(problem + " at index " + index + " of \"" + spec + "\"\n  " + spec + "\n  " + " ".repeat(index) + "^");
        this.spec = spec;
        this.index = index;
        this.problem = problem;
    }

    /// The text that was given.
    ///
    /// @return the spec as given
    public String spec() {
        return spec;
    }

    /// Where the spec stops making sense.
    ///
    /// @return a zero-based index into [#spec()]; its length when the spec ends too early
    public int index() {
        return index;
    }

    /// What is wrong, without the position.
    ///
    /// @return the problem
    public String problem() {
        return problem;
    }
}
