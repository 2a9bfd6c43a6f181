package com.example.orders;

/**
 * What a client sends to create an order.
 *
 * @param item what to order
 * @param quantity how many, at least 1
 */
public record NewOrder(String item, int quantity) {}
