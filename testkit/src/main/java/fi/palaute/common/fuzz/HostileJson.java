package fi.palaute.common.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Generates webhook bodies around a well-formed one: JSON objects whose fields (the endpoint's own and
 * random ones) hold hostile strings, odd numbers, nulls, arrays and objects, then now and then cut,
 * bit-flipped, nested past any sane depth, prefixed with a byte-order mark or given bytes that are not
 * UTF-8. Everything derives from the {@link Random} passed in, so a seed reproduces a case.
 */
public final class HostileJson {
    private final List<String> keys;

    /** @param keys the field names the endpoint reads; the generator mixes them with random ones */
    public HostileJson(List<String> keys) {
        this.keys = keys;
    }

    public byte[] body(Random r) {
        int shape = r.nextInt(100);
        if (shape < 3) return new byte[0];
        if (shape < 6) return randomBytes(r, 1 + r.nextInt(200));
        if (shape < 9) return scalar(r).getBytes(StandardCharsets.UTF_8);
        if (shape < 12) return nested(r, 1 + r.nextInt(5000), r.nextBoolean());
        byte[] body = object(r, 0).getBytes(StandardCharsets.UTF_8);
        int mutation = r.nextInt(100);
        if (mutation < 10) return java.util.Arrays.copyOf(body, r.nextInt(body.length + 1));
        if (mutation < 18) {
            byte[] b = body.clone();
            for (int i = 0, n = 1 + r.nextInt(4); i < n && b.length > 0; i++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            return b;
        }
        if (mutation < 22) return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
        if (mutation < 26) return concat(body, randomBytes(r, 1 + r.nextInt(20)));
        if (mutation < 30) return (new String(body, StandardCharsets.UTF_8) + ",{}").getBytes(StandardCharsets.UTF_8);
        return body;
    }

    /** A JSON object with some of the endpoint's fields and a few random ones. */
    public String object(Random r, int depth) {
        StringBuilder b = new StringBuilder("{");
        int n = r.nextInt(depth == 0 ? 6 : 3);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(',');
            String key = r.nextInt(4) > 0 ? keys.get(r.nextInt(keys.size())) : pick(r, HostileText.ALL);
            b.append(quote(key)).append(':').append(value(r, depth + 1));
        }
        return b.append('}').toString();
    }

    private String value(Random r, int depth) {
        int kind = r.nextInt(depth > 3 ? 7 : 10);
        return switch (kind) {
            case 0, 1, 2 -> quote(pick(r, HostileText.ALL));
            case 3 -> number(r);
            case 4 -> quote(number(r));
            case 5 -> r.nextBoolean() ? "null" : Boolean.toString(r.nextBoolean());
            case 6 -> quote(randomText(r, r.nextInt(40)));
            case 7, 8 -> object(r, depth);
            default -> "[" + value(r, depth + 1) + "," + value(r, depth + 1) + "]";
        };
    }

    private static String number(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> Long.toString(1 + r.nextInt(100_000));
            case 1 -> "-" + r.nextInt(1000);
            case 2 -> "0";
            case 3 -> "9223372036854775807";
            case 4 -> "123456789012345678901234567890";
            case 5 -> r.nextInt(1000) + "." + r.nextInt(1000);
            case 6 -> "1e" + r.nextInt(400);
            default -> Long.toString(r.nextLong());
        };
    }

    private static String scalar(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "[]";
            case 1 -> quote(pick(r, HostileText.ALL));
            case 2 -> number(r);
            default -> "null";
        };
    }

    /** Arrays or objects nested {@code depth} deep, closed or left open. */
    public static byte[] nested(Random r, int depth, boolean closed) {
        StringBuilder b = new StringBuilder(depth * 8);
        boolean objects = r.nextBoolean();
        for (int i = 0; i < depth; i++) b.append(objects ? "{\"a\":" : "[");
        b.append("1");
        if (closed) for (int i = 0; i < depth; i++) b.append(objects ? '}' : ']');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    static String randomText(Random r, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.appendCodePoint(switch (r.nextInt(4)) {
                case 0 -> 0x20 + r.nextInt(0x5F);
                case 1 -> 0xA0 + r.nextInt(0x2000);
                case 2 -> 0x1F300 + r.nextInt(0x300);
                default -> 'a' + r.nextInt(26);
            });
        }
        return b.toString();
    }

    static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    public static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
