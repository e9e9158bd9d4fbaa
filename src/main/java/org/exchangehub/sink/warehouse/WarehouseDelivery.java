package org.exchangehub.sink.warehouse;

/**
 * What the warehouse sink delivered for one batch, added to the exchange's receipts: the rows upserted in one
 * committed transaction.
 *
 * @param sink  always {@code warehouse}
 * @param table the table, schema-qualified when a schema is configured
 * @param rows  rows upserted (inserted or updated; unchanged re-deliveries count too)
 */
public record WarehouseDelivery(String sink, String table, int rows) {
}
