package io.github.camelcardsavr.examples.ha;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MicrosecondFileNamesTest {

    @Test
    void numbersOnlyGrowEvenWithinOneMicrosecond() {
        MicrosecondFileNames names = new MicrosecondFileNames();
        long previous = 0;
        for (int i = 0; i < 10_000; i++) {
            long n = names.next();
            assertThat(n).isGreaterThan(previous);
            previous = n;
        }
    }

    @Test
    void theStatusFromTheServerIsMadeSafeForAFileName() {
        assertThat(MicrosecondFileNames.fileName(101, 1796007976175501L, "PENDING/../x y"))
                .isEqualTo("101/1796007976175501-PENDING_.._x_y.json");
    }
}
