/** Tests of the catalog data and queries. */
@NullMarked
package dev.headroom.catalog;

import org.jspecify.annotations.NullMarked;
