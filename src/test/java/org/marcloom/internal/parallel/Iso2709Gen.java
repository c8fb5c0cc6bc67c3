package org.marcloom.internal.parallel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/// Test generator: ISO 2709 files with byte-exact lengths, optionally damaged the ways real files
/// are (junk between records, wrong lengths, missing terminators, bad directory entries, a
/// truncated last record, trailing junk or white space).
public final class Iso2709Gen {

    private static final String[] WORDS = {"pride", "prejudice", "jazz", "Été", "東京", "a", "", "long value with spaces"};

    private Iso2709Gen() {
    }

    /// One well-formed record.
    public static byte[] record(Random r, int n) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        StringBuilder dir = new StringBuilder();
        int fields = r.nextInt(8);
        String[] tags = new String[fields + 1];
        tags[0] = "001";
        for (int i = 1; i <= fields; i++) {
            tags[i] = r.nextInt(4) == 0 ? String.format("%03d", 2 + r.nextInt(8))
                    : String.format("%03d", 10 + r.nextInt(990));
        }
        java.util.Arrays.sort(tags, 1, tags.length);
        for (String tag : tags) {
            byte[] f;
            if (tag.startsWith("00")) {
                f = (tag.equals("001") ? "rec" + n : WORDS[r.nextInt(WORDS.length)]).getBytes(StandardCharsets.UTF_8);
            } else {
                StringBuilder sb = new StringBuilder();
                sb.append(r.nextBoolean() ? '1' : ' ').append(r.nextBoolean() ? '0' : ' ');
                int subs = 1 + r.nextInt(4);
                for (int s = 0; s < subs; s++) {
                    sb.append('\u001f').append((char) ('a' + r.nextInt(26))).append(WORDS[r.nextInt(WORDS.length)]);
                }
                f = sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            int start = data.size();
            data.writeBytes(f);
            data.write(0x1E);
            dir.append(tag).append(String.format("%04d%05d", f.length + 1, start));
        }
        int base = 24 + dir.length() + 1;
        int length = base + data.size() + 1;
        String leader = String.format("%05dnam a22%05d   4500", length, base);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        out.writeBytes(leader.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(dir.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(0x1E);
        out.writeBytes(data.toByteArray());
        out.write(0x1D);
        return out.toByteArray();
    }

    /// A file of `records` records; with `damage`, some are damaged at random.
    public static byte[] file(long seed, int records, boolean damage) {
        Random r = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < records; i++) {
            byte[] rec = record(r, i);
            if (damage && r.nextInt(3) == 0) {
                switch (r.nextInt(5)) {
                    case 0 -> out.writeBytes(junk(r)); // junk before the record
                    case 1 -> { // wrong length
                        int len = Integer.parseInt(new String(rec, 0, 5, StandardCharsets.US_ASCII));
                        int wrong = Math.max(0, len + (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(30)));
                        System.arraycopy(String.format("%05d", wrong).getBytes(StandardCharsets.US_ASCII), 0, rec, 0, 5);
                    }
                    case 2 -> rec = java.util.Arrays.copyOf(rec, rec.length - 1); // missing terminator
                    case 3 -> { // bad directory entry
                        if (rec.length > 30) {
                            rec[24 + 3 + r.nextInt(9)] = 'x';
                        }
                    }
                    default -> rec[5 + r.nextInt(4)] = (byte) 0xC3; // odd leader byte
                }
            }
            out.writeBytes(rec);
        }
        byte[] bytes = out.toByteArray();
        if (damage && bytes.length > 10 && r.nextInt(4) == 0) {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1 - r.nextInt(Math.min(40, bytes.length - 1)));
        }
        if (damage && r.nextInt(4) == 0) {
            ByteArrayOutputStream t = new ByteArrayOutputStream();
            t.writeBytes(bytes);
            t.writeBytes(r.nextBoolean() ? "\r\n".getBytes(StandardCharsets.US_ASCII) : junk(r));
            bytes = t.toByteArray();
        }
        return bytes;
    }

    private static byte[] junk(Random r) {
        byte[] j = new byte[1 + r.nextInt(40)];
        for (int i = 0; i < j.length; i++) {
            j[i] = (byte) (r.nextBoolean() ? 'A' + r.nextInt(26) : r.nextInt(256));
        }
        return j;
    }
}
