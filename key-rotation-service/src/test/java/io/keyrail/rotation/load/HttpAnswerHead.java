package io.keyrail.rotation.load;

import java.util.List;
import java.util.Locale;

/**
 * What the load driver's HTTP/1.1 clients need from an answer's head: its status, how its body is
 * framed, and whether the connection stays open.
 *
 * @param contentLength the body's length, or -1 when the head gives none
 */
record HttpAnswerHead(int status, long contentLength, boolean chunked, boolean reusable) {

    /** The head from its status line and header lines (without line ends). */
    static HttpAnswerHead parse(String statusLine, List<String> headerLines) {
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IllegalArgumentException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean reusable = true;
        for (String h : headerLines) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                reusable = false;
            }
        }
        return new HttpAnswerHead(status, length, chunked, reusable);
    }
}
