package io.gridlearn.image;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of a tar reader (POSIX ustar, with PAX and GNU long names) for the image's archive and its layers,
 * so that the tests need nothing but the JDK.
 */
final class Tar {
    /** Entry types, as in the header's typeflag byte. */
    static final char FILE = '0';
    static final char DIRECTORY = '5';
    static final char SYMLINK = '2';
    static final char HARDLINK = '1';

    /**
     * One entry.
     *
     * @param name     path, without a leading "./" or "/"
     * @param mode     permission bits
     * @param type     typeflag ({@link #FILE}, {@link #DIRECTORY}, ...)
     * @param linkName target of a link, else empty
     * @param content  the bytes of a regular file, else empty
     */
    record Entry(String name, int mode, char type, String linkName, byte[] content) {
        boolean executable() {
            return (mode & 0111) != 0;
        }
    }

    private Tar() {
    }

    static List<Entry> read(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String longName = null;
        while (true) {
            byte[] header = in.readNBytes(512);
            if (header.length < 512 || isZero(header)) {
                return entries;
            }
            String name = field(header, 0, 100);
            int mode = (int) octal(header, 100, 8);
            long size = octal(header, 124, 12);
            char type = header[156] == 0 ? FILE : (char) header[156];
            String link = field(header, 157, 100);
            if ("ustar".equals(field(header, 257, 5))) {
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            byte[] content = in.readNBytes((int) size);
            if (content.length != size) {
                throw new EOFException("tar entry " + name + " is cut short");
            }
            in.readNBytes((int) ((512 - size % 512) % 512));
            switch (type) {
                case 'x' -> longName = paxPath(content, longName);
                case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
                case 'g' -> { }
                default -> {
                    if (longName != null) {
                        name = longName;
                        longName = null;
                    }
                    entries.add(new Entry(normalize(name), mode & 07777, type, link,
                            type == FILE || type == '7' ? content : new byte[0]));
                }
            }
        }
    }

    static String normalize(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.substring(n.startsWith("./") ? 2 : 1);
        }
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private static String paxPath(byte[] content, String previous) {
        String s = new String(content, StandardCharsets.UTF_8);
        String path = previous;
        for (String record : s.split("\n")) {
            int space = record.indexOf(' ');
            int eq = record.indexOf('=');
            if (space > 0 && eq > space && record.substring(space + 1, eq).equals("path")) {
                path = record.substring(eq + 1);
            }
        }
        return path;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String s = field(header, offset, length).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
