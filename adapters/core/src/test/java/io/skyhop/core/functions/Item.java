package io.skyhop.core.functions;

import java.time.Instant;

/**
 * A POJO payload and result.
 *
 * @param name the item name
 * @param quantity how many
 * @param at when, to show java.time values travel as ISO-8601 text
 */
public record Item(String name, int quantity, Instant at) {}
