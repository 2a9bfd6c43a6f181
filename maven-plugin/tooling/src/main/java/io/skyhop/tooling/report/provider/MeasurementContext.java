package io.skyhop.tooling.report.provider;

import io.skyhop.tooling.BuildListener;
import io.skyhop.tooling.report.Pricing;

/**
 * What a {@link CloudMeasurement} works with.
 *
 * @param listener progress
 * @param pricing the report's pricing
 * @param clients how provider clients are created
 * @param pause how to wait between polls
 */
public record MeasurementContext(
    BuildListener listener, Pricing pricing, ProviderClients clients, Pause pause) {}
