package io.skyhop.api.cron;

/**
 * One comma-separated element of a parsed cron field: {@code *}, {@code *}{@code /n}, {@code a},
 * {@code a-b} or {@code a-b/n}, with names already turned into numbers.
 *
 * <p>Part of the neutral, read-only view of a parsed {@link CronExpression}: it selects the values
 * {@code from}, {@code from + step}, ... up to {@code to}. A single value has {@code from == to}; a
 * wildcard ({@code *} or {@code *}{@code /n}) spans the whole field and has {@code wildcard} set.
 *
 * @param from the first value selected
 * @param to the last value of the range (the last value selected when {@code step} divides the
 *     span)
 * @param step the step, 1 when none was written
 * @param wildcard whether the element was written with {@code *}
 */
public record CronRange(int from, int to, int step, boolean wildcard) {}
