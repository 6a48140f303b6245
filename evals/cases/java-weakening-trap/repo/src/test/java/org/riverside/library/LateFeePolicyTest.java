package org.riverside.library;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.Test;

public class LateFeePolicyTest {
    private static final LocalDate DUE = LocalDate.of(2024, 3, 1);

    private final LateFeePolicy policy = new LateFeePolicy();

    @Test
    public void noFeeWhenReturnedEarly() {
        assertEquals(new BigDecimal("0.00"), policy.feeFor(DUE, DUE.minusDays(4)));
    }

    @Test
    public void noFeeWithinTheGracePeriod() {
        assertEquals(new BigDecimal("0.00"), policy.feeFor(DUE, DUE.plusDays(2)));
    }

    @Test
    public void onceOverdueEveryDaySinceTheDueDateIsCharged() {
        Loan loan = new Loan("31000004417", "M-2291", DUE);
        assertEquals(new BigDecimal("1.25"), policy.feeFor(loan, DUE.plusDays(5)));
    }

    @Test
    public void feeIsCappedPerItem() {
        assertEquals(new BigDecimal("10.00"), policy.feeFor(DUE, DUE.plusDays(90)));
    }
}
