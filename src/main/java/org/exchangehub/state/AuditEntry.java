package org.exchangehub.state;

import java.time.Instant;

/**
 * One entry of the audit trail ({@code hub_audit}): someone read personal data in clear.
 *
 * @param at        when
 * @param principal who (the operations user, or the OS user of the kit)
 * @param action    what, e.g. {@code rejects.unmask}
 * @param target    on what, e.g. the feed and run
 * @param detail    why or how much, never a value
 */
public record AuditEntry(Instant at, String principal, String action, String target, String detail) {
}
