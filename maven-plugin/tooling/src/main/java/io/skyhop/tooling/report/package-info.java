/**
 * {@code skyhop:report}: {@link io.skyhop.tooling.report.Reporter} measures (through the lab) or
 * prices a what-if profile, adds provider measurements after a deploy ({@link
 * io.skyhop.tooling.report.provider.ProviderMeasurements}), prices every result with the {@link
 * io.skyhop.tooling.cost.CostModel} ({@link io.skyhop.tooling.report.Pricing}) and renders {@code
 * report.json} ({@link io.skyhop.tooling.report.JsonReport}), {@code report.md} ({@link
 * io.skyhop.tooling.report.MarkdownReport}), {@code report.html} ({@link
 * io.skyhop.tooling.report.HtmlReport}, inline SVG charts) and the console table ({@link
 * io.skyhop.tooling.report.ConsoleTable}).
 *
 * <p>Tests: {@code RenderingTest}, {@code WhatIfReportTest}, {@code ReportSettingsTest}, {@code
 * provider.AzureColdStartsTest}, {@code provider.ProviderMeasurementsTest}; {@code
 * io.skyhop.it.report.ReportIT} (real Maven run, headless Chromium), {@code MeasureAwsIT} (WireMock
 * Lambda), {@code MeasureGcpIT} (WireMock Cloud Functions) and {@code MeasureAzureIT} (real Maven
 * run against HTTPS WireMock of Entra, ARM and the function app) in {@code integration-tests};
 * {@code benchmarks/report/run.sh} compares the lab's in-house cold start with an outside
 * measurement.
 */
package io.skyhop.tooling.report;
