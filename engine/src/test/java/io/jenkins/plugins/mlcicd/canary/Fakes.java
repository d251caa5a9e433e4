package io.jenkins.plugins.mlcicd.canary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** A clock that moves only when slept on, a router that records, metrics as a function of query and time. */
final class Fakes {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Fakes() {
    }

    static final class Clock implements RolloutClock {
        Instant now = T0;

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            now = now.plus(duration);
        }

        long seconds() {
            return Duration.between(T0, now).toSeconds();
        }
    }

    static final class Router implements TrafficRouter {
        final Clock clock;
        final List<Integer> calls = new ArrayList<>();
        final List<Instant> times = new ArrayList<>();
        int failuresLeft;
        boolean alwaysFail;
        Duration takes = Duration.ZERO;

        Router(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void setWeight(int weight) throws RouterException {
            calls.add(weight);
            clock.sleep(takes);
            times.add(clock.now());
            if (alwaysFail || failuresLeft > 0) {
                failuresLeft--;
                throw new RouterException("router down (exit 1)");
            }
        }
    }

    /** Readings by (query with variant expanded, seconds since T0). */
    static final class Metrics implements MetricSource {
        final Clock clock;
        BiFunction<String, Long, Reading> values;
        final List<String> queries = new ArrayList<>();

        Metrics(Clock clock, BiFunction<String, Long, Reading> values) {
            this.clock = clock;
            this.values = values;
        }

        @Override
        public synchronized Reading query(String query) {
            queries.add(query);
            return values.apply(query, clock.seconds());
        }
    }

    static Reading v(double value) {
        return Reading.of(value, Double.toString(value));
    }
}
