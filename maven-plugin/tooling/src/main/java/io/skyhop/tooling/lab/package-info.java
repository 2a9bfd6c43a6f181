/**
 * The local measurement lab of {@code skyhop:report}: starts each function in fresh JVMs the way
 * each target starts it, and times cold starts, warm invocations and peak memory.
 *
 * <ul>
 *   <li>{@link io.skyhop.tooling.lab.Lab} runs the schedule: one unrecorded start per target, then
 *       {@code skyhop.samples} rounds interleaved across targets (one cold start per function and
 *       target per round), the last round's instance serving a burst of warm invocations.
 *   <li>{@link io.skyhop.tooling.lab.Harness} per target: {@link
 *       io.skyhop.tooling.lab.aws.AwsHarness} (Amazon's runtime interface client against the {@link
 *       io.skyhop.tooling.lab.aws.LambdaRuntimeApi} emulator), {@link
 *       io.skyhop.tooling.lab.gcp.GcpHarness} (Google's function invoker), {@link
 *       io.skyhop.tooling.lab.local.LocalHarness} (the in-house runtime, cold starts forced by
 *       scale-to-zero) and {@link io.skyhop.tooling.lab.azure.AzureHarness} (a local stand-in for
 *       the Azure host and Java worker, labelled {@code azure (local harness)}).
 *   <li>{@link io.skyhop.tooling.lab.Samples} gives every target the same request or event, in the
 *       target's own event shape (templates under {@code io/skyhop/tooling/lab/events/}).
 * </ul>
 *
 * <p>Tests: {@code LabTest} (the schedule, with scripted harnesses), {@code LambdaRuntimeApiTest},
 * {@code SamplesTest}, {@code FunctionFolderTest}; the real provider runtimes run in {@code
 * integration-tests} ({@code io.skyhop.it.report.ReportIT}).
 */
package io.skyhop.tooling.lab;
