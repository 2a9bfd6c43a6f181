/**
 * A stand-in for the Azure Functions Java worker: the library's interfaces as the worker implements
 * them, and the worker's parameter binding. These classes use only the JDK and
 * azure-functions-java-library, because the tests load them in a class loader of their own (the
 * "worker" loader, holding the library) that is the parent of the app's loader, as in the real
 * worker. The tests talk to them through JDK types only ({@code BiFunction}, maps, byte arrays).
 */
package io.skyhop.it.azure.worker;
