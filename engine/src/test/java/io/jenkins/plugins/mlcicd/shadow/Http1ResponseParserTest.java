package io.jenkins.plugins.mlcicd.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Http1ResponseParserTest {
    /** What a parsed response says. */
    record Parsed(int status, String body, boolean keepAlive, int leftover) {
    }

    private static final String FIXED = "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: application/json\r\n"
            + "Content-Length: 14\r\nConnection: keep-alive\r\n\r\n{\"score\":0.52}";
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, Chunked\r\n\r\n"
            + "5;name=value;other\r\n{\"sco\r\n"
            + "00009 \r\nre\":0.25}\r\n"
            + "0\r\nX-Trailer: yes\r\nX-Other: 1\r\n\r\n";

    /** A read's bytes, at an offset in a larger array as in the loop's read array. */
    record Piece(byte[] array, int from, int to) {
    }

    private static Piece piece(byte[] bytes, int from, int to) {
        byte[] array = new byte[to - from + 7];
        System.arraycopy(bytes, from, array, 3, to - from);
        return new Piece(array, 3, 3 + to - from);
    }

    /** Feeds {@code pieces} one after the other into one parser, as reads would deliver them. */
    private static Parsed parse(Http1ResponseParser parser, List<Piece> pieces, boolean closeAtEnd) throws Exception {
        boolean done = false;
        int leftover = 0;
        for (Piece piece : pieces) {
            assertThat(done).as("complete before the last piece").isFalse();
            leftover = piece.to() - parser.feed(piece.array(), piece.from(), piece.to());
            done = parser.complete();
        }
        if (!done && closeAtEnd) {
            done = parser.endOfInput();
        }
        assertThat(done).as("complete").isTrue();
        return new Parsed(parser.status(), new String(parser.body(), 0, parser.bodyLength(), StandardCharsets.UTF_8),
                parser.keepAlive(), leftover);
    }

    private static Parsed whole(String response) throws Exception {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        return parse(new Http1ResponseParser(), List.of(piece(bytes, 0, bytes.length)), true);
    }

    /** Every split into two reads, and one byte per read, give the same response as one read. */
    private static void assertSameAtEveryBoundary(String response, Parsed expected, boolean closeAtEnd) throws Exception {
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        Http1ResponseParser parser = new Http1ResponseParser();
        for (int split = 1; split < bytes.length; split++) {
            parser.reset();
            assertThat(parse(parser, List.of(piece(bytes, 0, split), piece(bytes, split, bytes.length)), closeAtEnd))
                    .as("split at %d", split).isEqualTo(expected);
        }
        parser.reset();
        List<Piece> single = new java.util.ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            single.add(piece(bytes, i, i + 1));
        }
        assertThat(parse(parser, single, closeAtEnd)).as("a byte per read").isEqualTo(expected);
    }

    @Test
    void contentLengthResponseInAnyPieces() throws Exception {
        Parsed expected = new Parsed(200, "{\"score\":0.52}", true, 0);
        assertThat(whole(FIXED)).isEqualTo(expected);
        assertSameAtEveryBoundary(FIXED, expected, false);
    }

    @Test
    void chunkedResponseWithExtensionsAndTrailersInAnyPieces() throws Exception {
        Parsed expected = new Parsed(200, "{\"score\":0.25}", true, 0);
        assertThat(whole(CHUNKED)).isEqualTo(expected);
        assertSameAtEveryBoundary(CHUNKED, expected, false);
    }

    @Test
    void bodyUntilTheConnectionEndsInAnyPieces() throws Exception {
        String response = "HTTP/1.1 503 Busy\r\nContent-Type: text/plain\r\n\r\ntry later";
        Parsed expected = new Parsed(503, "try later", false, 0);
        assertSameAtEveryBoundary(response, expected, true);
        Http1ResponseParser parser = new Http1ResponseParser();
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.feed(bytes, 0, bytes.length)).isEqualTo(bytes.length);
        assertThat(parser.complete()).isFalse();
        assertThat(parser.endOfInput()).isTrue();
    }

    @Test
    void connectionCloseAndHttp10DecideWhetherTheConnectionIsReused() throws Exception {
        assertThat(whole("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: Close\r\n\r\n{}").keepAlive()).isFalse();
        assertThat(whole("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nconnection: keep-alive, close\r\n\r\n{}").keepAlive()).isFalse();
        assertThat(whole("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}").keepAlive()).isFalse();
        assertThat(whole("HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: Keep-Alive\r\n\r\n{}").keepAlive()).isTrue();
        assertThat(whole("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Connection: close\r\n\r\n{}").keepAlive()).isTrue();
    }

    @Test
    void interimResponsesAreSkippedAndBodilessStatusesHaveNoBody() throws Exception {
        String response = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + FIXED;
        assertSameAtEveryBoundary(response, new Parsed(200, "{\"score\":0.52}", true, 0), false);
        assertThat(whole("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n")).isEqualTo(new Parsed(204, "", true, 0));
        assertThat(whole("\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")).isEqualTo(new Parsed(404, "", true, 0));
        assertThat(whole("HTTP/1.1 500\r\nContent-Length: 3\r\n\r\nbad").status()).isEqualTo(500);
    }

    @Test
    void theParserIsReusedAndLeavesBytesAfterTheResponseInTheBuffer() throws Exception {
        Http1ResponseParser parser = new Http1ResponseParser();
        byte[] two = (FIXED + CHUNKED).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.started()).isFalse();
        int end = parser.feed(two, 0, two.length);
        assertThat(parser.complete()).isTrue();
        assertThat(parser.started()).isTrue();
        assertThat(two.length - end).isEqualTo(CHUNKED.length());
        parser.reset();
        assertThat(parser.started()).isFalse();
        assertThat(parser.feed(two, end, two.length)).isEqualTo(two.length);
        assertThat(parser.complete()).isTrue();
        assertThat(new String(parser.body(), 0, parser.bodyLength(), StandardCharsets.UTF_8)).isEqualTo("{\"score\":0.25}");
    }

    @Test
    void refusesWhatCannotBeFramed() {
        assertThatThrownBy(() -> whole("<html>oops</html>\r\n")).hasMessageContaining("not an HTTP/1.x status line");
        assertThatThrownBy(() -> whole("HTTP/1.1 2x0 OK\r\n\r\n")).hasMessageContaining("status line");
        assertThatThrownBy(() -> whole("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n")).hasMessageContaining("Content-Length");
        assertThatThrownBy(() -> whole("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n"))
                .hasMessageContaining("two different Content-Length");
        assertThatThrownBy(() -> whole("HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n")).hasMessageContaining("bytes");
        assertThatThrownBy(() -> whole("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
                .hasMessageContaining("malformed chunk size");
        assertThatThrownBy(() -> whole("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n"))
                .hasMessageContaining("chunk longer than its size");
        String longLine = "HTTP/1.1 200 OK\r\nX: " + "a".repeat(Http1ResponseParser.MAX_LINE) + "\r\n\r\n";
        assertThatThrownBy(() -> whole(longLine)).hasMessageContaining("response line over");
    }

    @Test
    void aConnectionThatEndsInTheMiddleIsNotAResponse() throws Exception {
        Http1ResponseParser parser = new Http1ResponseParser();
        byte[] bytes = FIXED.getBytes(StandardCharsets.ISO_8859_1);
        parser.feed(bytes, 0, bytes.length - 3);
        assertThat(parser.complete()).isFalse();
        assertThat(parser.endOfInput()).isFalse();
    }
}
