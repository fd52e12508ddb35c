/** Runnable programs built on Headroom. */
@NullMarked
package dev.headroom.examples;

import org.jspecify.annotations.NullMarked;
