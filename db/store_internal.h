/* store_internal.h: not written yet. */
