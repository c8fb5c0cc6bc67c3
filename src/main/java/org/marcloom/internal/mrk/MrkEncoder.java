package org.marcloom.internal.mrk;

import java.nio.charset.StandardCharsets;
import org.marcloom.ErrorCode;
import org.marcloom.MarcWriteException;
import org.marcloom.WriterOptions;
import org.marcloom.internal.OutputBuffer;
import org.marcloom.internal.RecordEncoder;
import org.marcloom.record.ControlField;
import org.marcloom.record.DataField;
import org.marcloom.record.Field;
import org.marcloom.record.MarcRecord;
import org.marcloom.record.Subfield;

/// Writes MARCMaker text as MARCBreaker does for Unicode data (`.mrk8`): UTF-8, CRLF line ends,
/// `=LDR  ` with `\` for blanks, control fields with `\` for blanks, data fields as
/// `=245  10$a...`, and a blank line after each record. `$`, `\`, `{` and `}` in data are written
/// as `{dollar}`, `{bsol}`, `{lcub}`, `{rcub}`; control characters as `{esc}` or `{xHH}`; every
/// other character as itself, but an unpaired UTF-16 surrogate as U+FFFD (as every writer does).
/// [WriterOptions#encoding()] applies to ISO 2709 only and is ignored.
///
/// [#record] throws [MarcWriteException] for what the format cannot hold: an indicator that is
/// `\`, `$` or a control character ([ErrorCode#INDICATOR_INVALID]), a tag with a blank or a control
/// character or the tag `LDR`, which would start a record, or a field whose kind its tag contradicts
/// (a data field tagged `00X`, a control field with another tag: the reader tells them apart by the
/// tag) ([ErrorCode#TAG_INVALID]), or a subfield code that is a control character or `$`
/// ([ErrorCode#SUBFIELD_CODE_INVALID]). Not thread-safe.
public final class MrkEncoder implements RecordEncoder {

    private static final String EOL = "\r\n";

    private final StringBuilder line = new StringBuilder(256);

    public MrkEncoder(WriterOptions options) {
    }

    @Override
    public void record(MarcRecord record, long index, OutputBuffer out) {
        StringBuilder sb = line;
        sb.setLength(0);
        sb.append("=LDR  ");
        MrkText.encode(record.leader().toString(), true, sb);
        sb.append(EOL);
        for (Field f : record.fields()) {
            checkTag(f.tag());
            RecordEncoder.requireKindOfTag(f, "MARCMaker");
            sb.append('=').append(f.tag()).append("  ");
            switch (f) {
                case ControlField c -> MrkText.encode(c.data(), true, sb);
                case DataField d -> {
                    sb.append(indicator(d.indicator1(), d.tag())).append(indicator(d.indicator2(), d.tag()));
                    for (Subfield s : d.subfields()) {
                        char code = s.code();
                        if (code < 0x20 || code == '$' || code == 0x7F) {
                            throw new MarcWriteException(ErrorCode.SUBFIELD_CODE_INVALID, -1, d.tag(), null,
                                    "subfield code 0x" + Integer.toHexString(code) + " cannot be written in MARCMaker");
                        }
                        sb.append('$').append(code);
                        MrkText.encode(s.value(), false, sb);
                    }
                }
            }
            sb.append(EOL);
        }
        sb.append(EOL);
        replaceUnpairedSurrogates(sb);
        out.put(sb.toString().getBytes(StandardCharsets.UTF_8));
        if (sb.length() > 1 << 20) {
            line.setLength(0);
            line.trimToSize();
        }
    }

    /// Unpaired UTF-16 surrogates become U+FFFD, as in the other writers (`String.getBytes` would
    /// write `?`).
    private static void replaceUnpairedSurrogates(StringBuilder sb) {
        for (int i = 0, n = sb.length(); i < n; i++) {
            char c = sb.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(sb.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                sb.setCharAt(i, '\uFFFD');
            }
        }
    }

    private void checkTag(String tag) {
        if (tag.equals("LDR")) {
            throw new MarcWriteException(ErrorCode.TAG_INVALID, -1, tag, null,
                    "a field tagged LDR cannot be written in MARCMaker: =LDR starts a record");
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                throw new MarcWriteException(ErrorCode.TAG_INVALID, -1, tag, null, "tag \"" + tag
                        + "\" has a blank or control character and cannot be written in MARCMaker");
            }
        }
    }

    private char indicator(char c, String tag) {
        if (c == ' ') {
            return '\\';
        }
        if (c == '\\' || c == '$' || c < 0x20 || c == 0x7F) {
            throw new MarcWriteException(ErrorCode.INDICATOR_INVALID, -1, tag, null, "indicator 0x"
                    + Integer.toHexString(c) + " cannot be written in MARCMaker");
        }
        return c;
    }

}
