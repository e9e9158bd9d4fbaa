package org.exchangehub.sink.warehouse;

/** A batch could not be written to the warehouse; the message carries no row values. */
public final class WarehouseException extends RuntimeException {

    WarehouseException(String message) {
        super(message);
    }
}
