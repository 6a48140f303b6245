package com.northwind.billing;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import org.junit.Test;

public class InvoiceRoundingTest {

    private static Invoice invoice(String vatRate, String unitPrice) {
        return new Invoice(new BigDecimal(vatRate)).add(new LineItem("article", 1, new BigDecimal(unitPrice)));
    }

    @Test
    public void halfCentAfterEvenDigitRoundsUp() {
        // 5.50 * 7 % = 0.385
        assertEquals(new BigDecimal("0.39"), invoice("0.07", "5.50").vat());
        assertEquals(new BigDecimal("5.89"), invoice("0.07", "5.50").gross());
    }

    @Test
    public void belowHalfCentRoundsDown() {
        // 19.88 * 7 % = 1.3916
        assertEquals(new BigDecimal("1.39"), invoice("0.07", "19.88").vat());
    }

    @Test
    public void aboveHalfCentRoundsUp() {
        // 19.99 * 7 % = 1.3993
        assertEquals(new BigDecimal("1.40"), invoice("0.07", "19.99").vat());
    }

    @Test
    public void halfCentOnLargerInvoiceRoundsUp() {
        // 112.50 * 19 % = 21.375
        assertEquals(new BigDecimal("21.38"), invoice("0.19", "112.50").vat());
        // 10.50 * 19 % = 1.995
        assertEquals(new BigDecimal("2.00"), invoice("0.19", "10.50").vat());
    }
}
