package io.jenkins.plugins.mlcicd.shadow;

/**
 * Why a model's answer to one request could not be compared. The ids are the keys of
 * {@code errors} in the result document, so they stay stable.
 */
public enum ErrorKind {
    /** No connection: refused, unreachable, unknown host, connect timed out. */
    CONNECT("connect"),
    /** The connection was reset or closed before a whole response arrived. */
    RESET("reset"),
    /** No whole response within {@code --timeout}. */
    TIMEOUT("timeout"),
    HTTP_4XX("http4xx"),
    HTTP_5XX("http5xx"),
    /** A status that is neither success nor a client/server error (1xx, 3xx). */
    HTTP_OTHER("httpOther"),
    /** A 2xx response whose body is not JSON, or a response that is not HTTP/1.x or breaks its framing. */
    UNPARSABLE("unparsable"),
    /** JSON without a number at the score pointer (or without the decision). */
    MISSING_SCORE("missing-score"),
    /** A prediction log row whose error column is set. */
    LOGGED("logged");

    private final String id;

    ErrorKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The kind of an HTTP status that is not a success. */
    static ErrorKind ofStatus(int status) {
        if (status >= 500) {
            return HTTP_5XX;
        }
        return status >= 400 ? HTTP_4XX : HTTP_OTHER;
    }
}
