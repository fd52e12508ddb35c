/** JMH benchmarks of Headroom's hot paths. */
@NullMarked
package dev.headroom.benchmarks;

import org.jspecify.annotations.NullMarked;
