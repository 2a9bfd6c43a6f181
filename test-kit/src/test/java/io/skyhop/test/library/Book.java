package io.skyhop.test.library;

/**
 * A book.
 *
 * @param isbn its ISBN
 * @param title its title
 * @param copies copies on the shelf
 */
public record Book(String isbn, String title, int copies) {}
