package io.jenkins.plugins.mlcicd.shadow;

/** HTTP/1.1 over one keep-alive connection, re-opened after a failure. */
final class Http1Caller implements ModelCaller {
    private final Http1Connection connection;
    private final ScoreExtractor extractor;

    Http1Caller(Endpoint endpoint, byte[] head, int connectTimeoutMs, ScoreExtractor extractor) {
        this.connection = new Http1Connection(endpoint, head, connectTimeoutMs);
        this.extractor = extractor;
    }

    @Override
    public Answer call(byte[] body, long startNanos, long deadlineNanos) {
        for (int attempt = 0; ; attempt++) {
            try {
                connection.exchange(body, deadlineNanos);
                long micros = (System.nanoTime() - startNanos) / 1000;
                int status = connection.status();
                if (status / 100 != 2) {
                    return Answer.failed(ErrorKind.ofStatus(status), micros);
                }
                return extractor.read(connection.body(), connection.bodyLength(), micros);
            } catch (Http1Connection.ExchangeException e) {
                // A keep-alive connection the server closed while idle: once more on a fresh one, as browsers do.
                if (e.retryable && attempt == 0 && System.nanoTime() - deadlineNanos < 0) {
                    continue;
                }
                return Answer.failed(e.kind, (System.nanoTime() - startNanos) / 1000);
            }
        }
    }

    @Override
    public void expire(long nowNanos) {
        connection.expire(nowNanos);
    }

    @Override
    public void abort() {
        connection.abort();
    }

    @Override
    public void close() {
        connection.close();
    }
}
