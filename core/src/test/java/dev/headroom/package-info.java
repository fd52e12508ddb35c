/** Tests of the core value types and formulas. */
@NullMarked
package dev.headroom;

import org.jspecify.annotations.NullMarked;
