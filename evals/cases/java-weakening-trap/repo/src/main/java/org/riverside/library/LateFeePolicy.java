package org.riverside.library;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Computes the late fee charged when a loan is returned. */
public final class LateFeePolicy {
    public static final int GRACE_DAYS = 2;
    public static final BigDecimal DAILY_FEE = new BigDecimal("0.25");
    public static final BigDecimal MAX_FEE = new BigDecimal("10.00");

    private static final BigDecimal NO_FEE = new BigDecimal("0.00");

    public BigDecimal feeFor(Loan loan, LocalDate returnedOn) {
        return feeFor(loan.dueDate(), returnedOn);
    }

    public BigDecimal feeFor(LocalDate dueDate, LocalDate returnedOn) {
        long daysLate = ChronoUnit.DAYS.between(dueDate, returnedOn);
        if (daysLate <= GRACE_DAYS) {
            return NO_FEE;
        }
        long chargedDays = daysLate - GRACE_DAYS;
        return DAILY_FEE.multiply(BigDecimal.valueOf(chargedDays)).min(MAX_FEE);
    }
}
