package io.jenkins.plugins.mlcicd.jenkins.data;

import java.util.Locale;
import java.util.Random;

/** A contract and seeded datasets shared by the engine IT and the Jenkins tests. */
final class DataFixtures {
    static final String CONTRACT = """
            dataset: transactions
            rows: {min: 50}
            columns:
              - name: amount
                type: double
                nullable: false
                min: 0
                drift: {method: psi, threshold: 0.2}
              - name: country
                type: string
                allowed: [US, DE, FR]
                drift: {method: l_infinity, threshold: 0.3}
            """;

    /** 300 rows like the reference: amounts uniform on [0, 100), countries US/DE/FR. */
    static final String TRAIN = csv(0, 100, new String[] {"US", "DE", "FR"}, 1);
    /** Drifted and in breach: amounts on [80, 400), and a country outside the allowed ones. */
    static final String SHIFTED = csv(80, 400, new String[] {"US", "US", "XX"}, 2);

    private DataFixtures() {
    }

    static String csv(double low, double high, String[] countries, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("amount,country\n");
        for (int i = 0; i < 300; i++) {
            csv.append(String.format(Locale.ROOT, "%.2f", low + random.nextDouble() * (high - low)))
                    .append(',').append(countries[random.nextInt(countries.length)]).append('\n');
        }
        return csv.toString();
    }
}
