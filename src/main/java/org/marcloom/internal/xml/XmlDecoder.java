package org.marcloom.internal.xml;

import java.io.IOException;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marcloom.internal.BadBytes;
import org.marcloom.internal.Utf8;

/// Turns a MARCXML document's bytes into characters for the StAX parser, so that the parser never
/// sees bytes: the JDK's parser reports malformed bytes as an I/O error and prints
/// `[Fatal Error] ...` to standard error through its default error handler, which no StAX
/// property turns off.
///
/// The encoding is found as XML 1.0 appendix F says: a byte order mark, else the first four bytes,
/// else the `encoding` of the XML declaration, else UTF-8. UTF-8 (the usual case) is decoded here
/// with an ASCII fast path; other encodings go through a [CharsetDecoder] that reports errors.
/// Every malformed byte sequence (or unmappable one) becomes one U+FFFD (for UTF-8, one per bad
/// run as [Utf8] delimits them: exactly what the JDK's own UTF-8 decoder produces) and is logged
/// in [#badBytes()] with its absolute byte offset and the line and column of its replacement character,
/// counted as the parser counts them (`\r\n`, `\r` and `\n` each end a line; columns are one-based
/// UTF-16 units). [MarcXmlSource] takes these to the record they belong to. A byte order mark is
/// dropped. Not thread-safe.
final class XmlDecoder extends Reader {

    /// The document declares (or starts in) an encoding the JDK does not have.
    static final class UnsupportedEncoding extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedEncoding(String message) {
            super(message);
        }
    }

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long CRS = 0x0D0D0D0D0D0D0D0DL;

    private static final Pattern ENCODING = Pattern.compile("\\sencoding\\s*=\\s*([\"'])([A-Za-z][A-Za-z0-9._-]*)\\1");

    private final ReadableByteChannel channel;
    private byte[] bytes = new byte[64 * 1024];
    private int bpos;
    private int blimit;
    /// Absolute offset of `bytes[0]`.
    private long bytesBase;
    private boolean eof;

    private final boolean utf8;
    private long firstCharByte;
    private final CharsetDecoder decoder;
    private final String encodingName;
    private boolean flushed;

    // Position of the next character handed out.
    private long charPos;
    private int line = 1;
    private long lineStart;
    private long lastCr = -2;
    /// The low surrogate of a supplementary character whose high half filled the last read.
    private char pendingLow;

    private final BadBytes bad;

    private XmlDecoder(ReadableByteChannel channel) throws IOException, UnsupportedEncoding {
        this.channel = channel;
        while (blimit < 4 && fill()) {
            // the encoding needs the first four bytes
        }
        Charset cs = detect();
        firstCharByte = bpos;
        utf8 = cs.equals(StandardCharsets.UTF_8);
        encodingName = cs.name();
        bad = new BadBytes(encodingName);
        decoder = utf8 ? null : cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /// Opens a document; reads its first bytes to find the encoding.
    ///
    /// @throws UnsupportedEncoding when the declared encoding is unknown to the JDK
    static XmlDecoder open(ReadableByteChannel channel) throws IOException, UnsupportedEncoding {
        return new XmlDecoder(channel);
    }

    /// The encoding the document is decoded with.
    String encoding() {
        return encodingName;
    }

    /// How character offsets map to byte offsets: 1 for an encoding of one byte per character
    /// (US-ASCII, ISO-8859-n, windows-125n), 8 for UTF-8 (see [org.marcloom.internal.Capture#utf16Advance]),
    /// 0 for any other (no byte spans are known).
    int byteMapping() {
        if (utf8) {
            return 8;
        }
        try {
            return Charset.forName(encodingName).newEncoder().maxBytesPerChar() == 1.0f ? 1 : 0;
        } catch (UnsupportedOperationException e) {
            return 0;
        }
    }

    /// The byte offset of the first character (after a byte order mark).
    long firstCharByte() {
        return firstCharByte;
    }

    private Charset detect() throws IOException, UnsupportedEncoding {
        int b0 = blimit > 0 ? bytes[0] & 0xFF : -1;
        int b1 = blimit > 1 ? bytes[1] & 0xFF : -1;
        int b2 = blimit > 2 ? bytes[2] & 0xFF : -1;
        int b3 = blimit > 3 ? bytes[3] & 0xFF : -1;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            bpos = 3;
            return StandardCharsets.UTF_8;
        }
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
            bpos = 4;
            return charset("UTF-32BE");
        }
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
            bpos = 4;
            return charset("UTF-32LE");
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            bpos = 2;
            return StandardCharsets.UTF_16BE;
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            bpos = 2;
            return StandardCharsets.UTF_16LE;
        }
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0x00 && b3 == 0x3C) {
            return charset("UTF-32BE");
        }
        if (b0 == 0x3C && b1 == 0x00 && b2 == 0x00 && b3 == 0x00) {
            return charset("UTF-32LE");
        }
        if (b0 == 0x00 && b1 == 0x3C && b2 == 0x00 && b3 == 0x3F) {
            return StandardCharsets.UTF_16BE;
        }
        if (b0 == 0x3C && b1 == 0x00 && b2 == 0x3F && b3 == 0x00) {
            return StandardCharsets.UTF_16LE;
        }
        // no byte order mark, no declaration: zero bytes in every other place are UTF-16
        if (b0 == 0x00 && b1 > 0 && b2 == 0x00 && b3 > 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (b0 > 0 && b1 == 0x00 && b2 > 0 && b3 == 0x00) {
            return StandardCharsets.UTF_16LE;
        }
        if (b0 == 0x4C && b1 == 0x6F && b2 == 0xA7 && b3 == 0x94) {
            // EBCDIC: the declaration names the code page; read it in the invariant one.
            String declared = declaredEncoding(charset("IBM037"));
            return declared == null ? charset("IBM037") : charset(declared);
        }
        if (b0 == '<' && b1 == '?' && b2 == 'x' && b3 == 'm') {
            String declared = declaredEncoding(StandardCharsets.ISO_8859_1);
            if (declared != null) {
                Charset cs = charset(declared);
                // A declaration of UTF-16 or UTF-32 in an ASCII-compatible document: the bytes decide.
                return cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32") ? StandardCharsets.UTF_8 : cs;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /// The `encoding` of the XML declaration at the start of the buffer, read as `cs`, or null.
    private String declaredEncoding(Charset cs) throws IOException {
        // The declaration is short; make sure enough of it is buffered.
        while (blimit < 512 && !eof && fill()) {
            // read on
        }
        String head = new String(bytes, 0, Math.min(blimit, 512), cs);
        int end = head.indexOf("?>");
        if (!head.startsWith("<?xml") || end < 0) {
            return null;
        }
        Matcher m = ENCODING.matcher(head.substring(0, end));
        return m.find() ? m.group(2) : null;
    }

    private static Charset charset(String name) throws UnsupportedEncoding {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncoding("the document's encoding \"" + name + "\" is not supported by this Java"
                    + " runtime");
        }
    }

    /// Reads more bytes after those not yet decoded; false at the end of the input.
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (bpos > 0 && bpos == blimit) {
            bytesBase += bpos;
            bpos = 0;
            blimit = 0;
        } else if (bpos > bytes.length / 2) {
            System.arraycopy(bytes, bpos, bytes, 0, blimit - bpos);
            bytesBase += bpos;
            blimit -= bpos;
            bpos = 0;
        }
        if (blimit == bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
        }
        while (true) {
            int n = channel.read(ByteBuffer.wrap(bytes, blimit, bytes.length - blimit));
            if (n < 0) {
                eof = true;
                return false;
            }
            if (n > 0) {
                blimit += n;
                return true;
            }
        }
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] c, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int o = off;
        if (pendingLow != 0) {
            c[o++] = pendingLow;
            pendingLow = 0;
        }
        int n = utf8 ? readUtf8(c, o, off + len) - off : readOther(c, o, off + len) - off;
        if (n == 0 && eof && bpos == blimit) {
            return -1;
        }
        return n;
    }

    /// Decodes UTF-8 into `c[o..end)`; returns the new `o`.
    private int readUtf8(char[] c, int o, int end) throws IOException {
        long base = charPos - o; // absolute position of c[i] is base + i
        byte[] b = bytes;
        while (o < end) {
            if (bpos == blimit) {
                if (!fill()) {
                    break;
                }
                b = bytes;
            }
            int i = bpos;
            int stop = Math.min(blimit, i + (end - o));
            // ASCII run
            while (i < stop) {
                // eight bytes at a time while they are ASCII and no line break
                int j = i;
                while (j + 8 <= stop) {
                    long w = (long) LONG.get(b, j);
                    long lf = w ^ LFS;
                    long cr = w ^ CRS;
                    if (((w | ((lf - ONES) & ~lf) | ((cr - ONES) & ~cr)) & HIGH) != 0) {
                        break;
                    }
                    j += 8;
                }
                if (j > i) {
                    for (int k = i, d = o - i; k < j; k++) {
                        c[k + d] = (char) b[k];
                    }
                    o += j - i;
                    i = j;
                    if (i == stop) {
                        break;
                    }
                }
                byte x = b[i];
                if (x < 0) {
                    break;
                }
                if (x <= '\r') {
                    if (x == '\n') {
                        long p = base + o;
                        if (lastCr != p - 1) {
                            line++;
                        }
                        lineStart = p + 1;
                    } else if (x == '\r') {
                        long p = base + o;
                        line++;
                        lineStart = p + 1;
                        lastCr = p;
                    }
                }
                c[o++] = (char) x;
                i++;
            }
            bpos = i;
            if (o == end || i == blimit) {
                continue;
            }
            // a multi-byte sequence starts at bpos
            int sequence = Utf8.next(b, i, blimit, eof);
            if (sequence == 0) {
                // the sequence runs past the buffer: read on (fill keeps the unread bytes)
                fill();
                b = bytes;
                continue;
            }
            if (sequence < 0) {
                o = replace(c, o, base, -sequence);
                continue;
            }
            int cp = Utf8.codePoint(sequence);
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                c[o++] = (char) cp;
            } else {
                c[o++] = Character.highSurrogate(cp);
                if (o < end) {
                    c[o++] = Character.lowSurrogate(cp);
                } else {
                    pendingLow = Character.lowSurrogate(cp);
                }
            }
            bpos += Utf8.length(sequence);
        }
        charPos = base + o + (pendingLow != 0 ? 1 : 0);
        return o;
    }

    /// Writes U+FFFD for the `length` malformed bytes at `bpos` and remembers them.
    private int replace(char[] c, int o, long base, int length) {
        remember(bytesBase + bpos, base + o, bytes, bpos, length);
        bpos += length;
        c[o] = '\uFFFD';
        return o + 1;
    }

    private void remember(long byteOffset, long charAt, byte[] b, int from, int length) {
        bad.add(byteOffset, charAt, line, (int) (charAt - lineStart + 1), b, from, length);
    }

    /// Decodes any other charset into `c[o..end)`; returns the new `o`.
    private int readOther(char[] c, int o, int end) throws IOException {
        int start = o;
        CharBuffer out = CharBuffer.wrap(c, o, end - o);
        while (out.hasRemaining() && !flushed) {
            ByteBuffer in = ByteBuffer.wrap(bytes, bpos, blimit - bpos);
            CoderResult r = decoder.decode(in, out, eof);
            bpos = in.position();
            if (r.isOverflow()) {
                break;
            }
            if (r.isError()) {
                track(c, start, out.position());
                start = out.position();
                remember(bytesBase + bpos, charPos, bytes, bpos, r.length());
                bpos += r.length();
                out.put('\uFFFD');
                continue;
            }
            // underflow: needs more bytes
            if (eof) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                }
                break;
            }
            if (!fill()) {
                continue; // eof now set: decode the rest with endOfInput
            }
        }
        track(c, start, out.position());
        return out.position();
    }

    /// Counts the lines in `c[from..to)`, characters just handed out by [#readOther].
    private void track(char[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            char x = c[i];
            long p = charPos + (i - from);
            if (x == '\n') {
                if (lastCr != p - 1) {
                    line++;
                }
                lineStart = p + 1;
            } else if (x == '\r') {
                line++;
                lineStart = p + 1;
                lastCr = p;
            }
        }
        charPos += to - from;
    }

    /// The bad byte sequences replaced so far and not yet taken by the parser.
    BadBytes badBytes() {
        return bad;
    }

    @Override
    public void close() {
        // the channel belongs to MarcXmlSource
    }
}
