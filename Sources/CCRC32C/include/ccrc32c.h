#ifndef CCRC32C_H
#define CCRC32C_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SSE 4.2 `crc32` instruction (x86-64 only; 0 elsewhere).
int ccrc32c_hardware_available(void);

/// Continues the CRC-32C `crc` (0 to start) over `length` bytes with the `crc32` instruction, three streams at a
/// time. Call only when `ccrc32c_hardware_available()` is 1.
uint32_t ccrc32c_hardware_update(uint32_t crc, const void *bytes, size_t length);

#endif
