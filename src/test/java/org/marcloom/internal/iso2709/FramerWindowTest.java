package org.marcloom.internal.iso2709;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.marcloom.ErrorCode;

/// Strict mode's message for a wrong record length names the next record terminator; it must not
/// depend on how much of the input the caller has buffered (the sequential reader and the parallel
/// reader's batches buffer differently).
class FramerWindowTest {

    /// A record declaring 30 bytes whose byte 29 is not 0x1D, followed by `gap` filler bytes and
    /// then a record terminator.
    private static byte[] input(int gap) {
        byte[] head = "00030nam a2200025   4500XXXXXX".getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + gap + 1);
        Arrays.fill(all, head.length, head.length + gap, (byte) 'y');
        all[all.length - 1] = Framer.RT;
        return all;
    }

    @Test
    void aShortWindowAsksForMoreInsteadOfSayingThereIsNoTerminator() {
        byte[] in = input(500);
        Framer framer = new Framer(false, 1 << 24);
        Framer.Frame frame = new Framer.Frame();
        assertEquals(Framer.NEED_MORE, framer.next(in, 0, 100, false, frame));
        assertTrue(frame.needed > 100, "needed " + frame.needed);
    }

    @Test
    void theMessageIsTheSameForEveryWindowThatHoldsTheTerminator() {
        byte[] in = input(500);
        Framer framer = new Framer(false, 1 << 24);
        Framer.Frame whole = new Framer.Frame();
        assertEquals(Framer.ERROR, framer.next(in, 0, in.length, true, whole));
        assertEquals(ErrorCode.RECORD_LENGTH_MISMATCH, whole.error);
        assertTrue(whole.message.endsWith("the next record terminator is at record byte " + (in.length - 1)),
                whole.message);
        // A bigger buffer (more input after the terminator, not at the end of the input).
        byte[] more = Arrays.copyOf(in, Framer.TERMINATOR_SCAN + 1000);
        Framer.Frame bigger = new Framer.Frame();
        assertEquals(Framer.ERROR, framer.next(more, 0, more.length, false, bigger));
        assertEquals(whole.message, bigger.message);
    }

    @Test
    void noTerminatorWithinTheScannedSpanIsSaidSo() {
        byte[] in = input(Framer.TERMINATOR_SCAN + 10);
        Framer framer = new Framer(false, 1 << 24);
        Framer.Frame frame = new Framer.Frame();
        assertEquals(Framer.ERROR, framer.next(in, 0, in.length, false, frame));
        assertTrue(frame.message.endsWith("there is no record terminator in its first " + Framer.TERMINATOR_SCAN
                + " bytes"), frame.message);
        Framer.Frame atEnd = new Framer.Frame();
        byte[] cut = Arrays.copyOf(in, 200);
        assertEquals(Framer.ERROR, framer.next(cut, 0, cut.length, true, atEnd));
        assertTrue(atEnd.message.endsWith("there is no record terminator after it"), atEnd.message);
    }
}
