'use strict';

const { formatCents, sumCents } = require('../lib/vendor/money');

function lineTotal(line) {
  return line.quantity * line.unitCents;
}

function renderLine(line, currency) {
  const amount = formatCents(lineTotal(line), currency);
  return `${line.description.padEnd(24)} ${String(line.quantity).padStart(3)} x ${amount}`;
}

/** Plain-text invoice body: one row per line, then the total. */
function renderInvoice(invoice) {
  const rows = invoice.lines.map((line) => renderLine(line, invoice.currency));
  const total = sumCents(invoice.lines.map(lineTotal));
  rows.push(`Total: ${formatCents(total, invoice.currency)}`);
  return rows.join('\n');
}

module.exports = { lineTotal, renderLine, renderInvoice };
