package org.marcloom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/// The progress line's text for a width, and that it stays off when standard error is no terminal.
class ProgressTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MIB = 1 << 20;

    @Test
    void aKnownSizeGivesPercentBarBytesRecordsRateAndTimeLeft() {
        String l = Progress.line(53_888, 40 * MIB, 80 * MIB, 2 * SECOND, 100);
        assertEquals(" 50% [###############...............]  40.0/80.0 MiB  53,888 records  26,944/s  ETA 0:02", l);
        assertTrue(l.length() <= 99, l.length() + "");
    }

    @Test
    void theLineNeverReachesTheLastColumn() {
        for (int width = 20; width <= 200; width++) {
            String l = Progress.line(1_234_567, 700 * MIB, 1000 * MIB, 61 * SECOND, width);
            assertTrue(l.length() <= width - 1, width + ": " + l);
        }
        assertEquals(" 70% [##########.....]  700.0/1000.0 MiB  1,234,567 records  20,239/s  ETA 0:26",
                Progress.line(1_234_567, 700 * MIB, 1000 * MIB, 61 * SECOND, 80));
        assertEquals(" 70%  700.0/1000.0 MiB  1,234,567 records", Progress.line(1_234_567, 700 * MIB, 1000 * MIB,
                61 * SECOND, 50), "narrow: no bar, parts dropped from the right");
    }

    @Test
    void anUnknownSizeGivesRecordsRateBytesAndTime() {
        assertEquals("64 records  32/s  1.5 MiB  0:02", Progress.line(64, 3 * MIB / 2, -1, 2 * SECOND, 80));
    }

    @Test
    void hoursAreShownAsSuch() {
        assertEquals("1,000,000 records  167/s  10.0 MiB  1:40:00",
                Progress.line(1_000_000, 10 * MIB, -1, 6000 * SECOND, 80));
    }

    @Test
    void standardErrorOfATestIsNoTerminal() {
        assertFalse(Progress.Terminal.stderrIsTerminal());
        CliRun r = CliRun.run("count", MainTest.CLEAN);
        assertEquals("", r.stderr());
    }
}
