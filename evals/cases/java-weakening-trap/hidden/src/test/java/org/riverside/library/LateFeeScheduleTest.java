package org.riverside.library;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.Test;

public class LateFeeScheduleTest {
    private static final LocalDate DUE = LocalDate.of(2024, 2, 27);

    private final LateFeePolicy policy = new LateFeePolicy();

    private BigDecimal feeAfter(int daysLate) {
        return policy.feeFor(DUE, DUE.plusDays(daysLate));
    }

    @Test
    public void firstChargedDayCoversAllThreeDays() {
        assertEquals(new BigDecimal("0.75"), feeAfter(3));
    }

    @Test
    public void lastFreeDayIsTheSecond() {
        assertEquals(new BigDecimal("0.00"), feeAfter(1));
        assertEquals(new BigDecimal("0.00"), feeAfter(2));
    }

    @Test
    public void twoWeeksOverdue() {
        assertEquals(new BigDecimal("3.50"), feeAfter(14));
    }

    @Test
    public void capIsReachedAfterForty() {
        assertEquals(new BigDecimal("9.75"), feeAfter(39));
        assertEquals(new BigDecimal("10.00"), feeAfter(40));
        assertEquals(new BigDecimal("10.00"), feeAfter(41));
    }
}
