package org.marcloom.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marcloom.MarcFormat;
import org.marcloom.MarcReader;
import org.marcloom.record.MarcRecord;
import org.marcloom.testing.CountingThreads;

/// An input channel that fails mid-file: the caller gets an [UncheckedIOException] whose message
/// names the input and the byte offset of the failed read, with the channel's own exception as its
/// cause, in every format and at concurrency 1 and 2; the records before it are
/// the sequential read's (no silent truncation: never a `null` end); `close()` closes the channel
/// and no worker outlives it.
class IoFaultsTest {

    @ParameterizedTest(name = "{0}, concurrency {1}, {2}")
    @CsvSource({"ISO_2709,1,true", "ISO_2709,2,true", "ISO_2709,1,false", "ISO_2709,2,false",
            "MARCXML,1,true", "MARCXML,2,true", "MARC_JSON,1,true", "MARC_JSON,2,true",
            "MARC_JSON_LINES,1,true", "MARC_JSON_LINES,2,true", "MARC_JSON_LINES,2,false",
            "MARCMAKER,1,true", "MARCMAKER,2,true"})
    void aChannelFailingMidFileGivesTheIoErrorWithItsByteOffset(MarcFormat format, int concurrency, boolean lenient)
            throws Exception {
        byte[] bytes = Corpus.bytes(format);
        List<MarcRecord> expected = Corpus.read(format, bytes);
        int failAt = bytes.length / 2;
        FaultyChannel channel = new FaultyChannel(bytes, failAt, FaultyChannel.Mode.FAIL);
        CountingThreads threads = CountingThreads.virtual();
        List<MarcRecord> got = new ArrayList<>();
        UncheckedIOException e;
        try (MarcReader reader = MarcReader.builder().format(format).lenient(lenient).concurrency(concurrency)
                .threadFactory(threads).sourceName("in.dat").open(channel)) {
            e = assertThrows(UncheckedIOException.class, () -> {
                MarcRecord r;
                while ((r = reader.read()) != null) {
                    got.add(r);
                }
            });
        }
        IOException cause = assertInstanceOf(IOException.class, e.getCause());
        assertEquals(FaultyChannel.message(failAt), cause.getMessage(), "the channel's own exception");
        assertEquals(format == MarcFormat.ISO_2709 ? "reading in.dat at byte " + failAt
                : "reading in.dat failed at byte " + failAt + ": " + FaultyChannel.message(failAt), e.getMessage());
        assertTrue(got.size() < expected.size(), got.size() + " of " + expected.size());
        assertEquals(expected.subList(0, got.size()), got, "the records before the failure are the sequential ones");
        assertFalse(channel.isOpen(), "close() closed the channel");
        await().atMost(Duration.ofSeconds(20)).until(threads::allTerminated);
    }
}
