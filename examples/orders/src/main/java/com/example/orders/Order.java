package com.example.orders;

/**
 * An order.
 *
 * @param id the order id
 * @param item what was ordered
 * @param quantity how many
 */
public record Order(String id, String item, int quantity) {}
