#ifndef ERRDOCS_ALLOCATOR_H
#define ERRDOCS_ALLOCATOR_H

#include <stddef.h>

/// Makes the C allocator give every block of at least `bytes` its own mapping, returned to the
/// system when freed (glibc: mallopt M_MMAP_THRESHOLD, which also stops glibc from raising that
/// threshold by itself after a large block is freed). Does nothing on other C libraries.
/// Returns 1 when the setting was applied.
int errdocs_map_blocks_of_at_least(size_t bytes);

#endif
