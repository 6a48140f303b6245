package com.northwind.billing;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import org.junit.Test;

public class InvoiceTest {

    private static LineItem line(String article, int quantity, String unitPrice) {
        return new LineItem(article, quantity, new BigDecimal(unitPrice));
    }

    @Test
    public void netIsTheSumOfLineAmounts() {
        Invoice invoice = new Invoice(new BigDecimal("0.19"))
                .add(line("notebook", 3, "2.40"))
                .add(line("pen", 2, "1.15"));
        assertEquals(new BigDecimal("9.50"), invoice.net());
    }

    @Test
    public void grossAddsVatToNet() {
        Invoice invoice = new Invoice(new BigDecimal("0.19")).add(line("desk lamp", 1, "10.00"));
        assertEquals(new BigDecimal("1.90"), invoice.vat());
        assertEquals(new BigDecimal("11.90"), invoice.gross());
    }

    @Test
    public void vatIsRoundedHalfUpToTheCent() {
        // 3.50 * 7 % = 0.245, commercial rounding gives 0.25
        Invoice invoice = new Invoice(new BigDecimal("0.07")).add(line("coffee beans", 2, "1.75"));
        assertEquals(new BigDecimal("0.25"), invoice.vat());
    }
}
