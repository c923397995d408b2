// CRC-32C with the SSE 4.2 `crc32` instruction. Three independent streams hide the instruction's 3-cycle latency;
// their CRCs are joined by multiplying with the operator for "append N zero bytes" (GF(2) matrices turned into
// byte tables once), as in Mark Adler's crc32c.c.
#include "ccrc32c.h"

#include <pthread.h>
#include <string.h>

#if defined(__x86_64__)
#include <nmmintrin.h>

#define POLY 0x82f63b78u
#define LONG_BLOCK 8192
#define SHORT_BLOCK 256

static uint32_t zeros_long[4][256], zeros_short[4][256];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static uint32_t gf2_matrix_times(const uint32_t *mat, uint32_t vec) {
    uint32_t sum = 0;
    while (vec) {
        if (vec & 1) sum ^= *mat;
        vec >>= 1;
        mat++;
    }
    return sum;
}

static void gf2_matrix_square(uint32_t *square, const uint32_t *mat) {
    for (int n = 0; n < 32; n++) square[n] = gf2_matrix_times(mat, mat[n]);
}

/// The operator that appends `length` zero bytes (a power of two) to a CRC.
static void zeros_operator(uint32_t *even, size_t length) {
    uint32_t odd[32];
    odd[0] = POLY;
    uint32_t row = 1;
    for (int n = 1; n < 32; n++) {
        odd[n] = row;
        row <<= 1;
    }
    gf2_matrix_square(even, odd);   // two zero bits
    gf2_matrix_square(odd, even);   // four zero bits
    do {
        gf2_matrix_square(even, odd);
        length >>= 1;
        if (length == 0) return;
        gf2_matrix_square(odd, even);
        length >>= 1;
    } while (length);
    for (int n = 0; n < 32; n++) even[n] = odd[n];
}

static void zeros_tables(uint32_t zeros[4][256], size_t length) {
    uint32_t op[32];
    zeros_operator(op, length);
    for (uint32_t n = 0; n < 256; n++) {
        zeros[0][n] = gf2_matrix_times(op, n);
        zeros[1][n] = gf2_matrix_times(op, n << 8);
        zeros[2][n] = gf2_matrix_times(op, n << 16);
        zeros[3][n] = gf2_matrix_times(op, n << 24);
    }
}

static void make_tables(void) {
    zeros_tables(zeros_long, LONG_BLOCK);
    zeros_tables(zeros_short, SHORT_BLOCK);
}

static inline uint32_t shift(uint32_t zeros[4][256], uint32_t crc) {
    return zeros[0][crc & 0xff] ^ zeros[1][(crc >> 8) & 0xff] ^ zeros[2][(crc >> 16) & 0xff] ^ zeros[3][crc >> 24];
}

static inline uint64_t load64(const unsigned char *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

int ccrc32c_hardware_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2") ? 1 : 0;
}

__attribute__((target("sse4.2")))
uint32_t ccrc32c_hardware_update(uint32_t crc, const void *bytes, size_t length) {
    pthread_once(&tables_once, make_tables);
    const unsigned char *next = bytes;
    uint64_t crc0 = crc ^ 0xffffffffu;
    while (length && ((uintptr_t)next & 7) != 0) {
        crc0 = _mm_crc32_u8((uint32_t)crc0, *next++);
        length--;
    }
    while (length >= 3 * LONG_BLOCK) {
        uint64_t crc1 = 0, crc2 = 0;
        const unsigned char *end = next + LONG_BLOCK;
        do {
            crc0 = _mm_crc32_u64(crc0, load64(next));
            crc1 = _mm_crc32_u64(crc1, load64(next + LONG_BLOCK));
            crc2 = _mm_crc32_u64(crc2, load64(next + 2 * LONG_BLOCK));
            next += 8;
        } while (next < end);
        crc0 = shift(zeros_long, (uint32_t)crc0) ^ crc1;
        crc0 = shift(zeros_long, (uint32_t)crc0) ^ crc2;
        next += 2 * LONG_BLOCK;
        length -= 3 * LONG_BLOCK;
    }
    while (length >= 3 * SHORT_BLOCK) {
        uint64_t crc1 = 0, crc2 = 0;
        const unsigned char *end = next + SHORT_BLOCK;
        do {
            crc0 = _mm_crc32_u64(crc0, load64(next));
            crc1 = _mm_crc32_u64(crc1, load64(next + SHORT_BLOCK));
            crc2 = _mm_crc32_u64(crc2, load64(next + 2 * SHORT_BLOCK));
            next += 8;
        } while (next < end);
        crc0 = shift(zeros_short, (uint32_t)crc0) ^ crc1;
        crc0 = shift(zeros_short, (uint32_t)crc0) ^ crc2;
        next += 2 * SHORT_BLOCK;
        length -= 3 * SHORT_BLOCK;
    }
    const unsigned char *end = next + (length - (length & 7));
    while (next < end) {
        crc0 = _mm_crc32_u64(crc0, load64(next));
        next += 8;
    }
    length &= 7;
    while (length) {
        crc0 = _mm_crc32_u8((uint32_t)crc0, *next++);
        length--;
    }
    return (uint32_t)crc0 ^ 0xffffffffu;
}

#else

int ccrc32c_hardware_available(void) { return 0; }

uint32_t ccrc32c_hardware_update(uint32_t crc, const void *bytes, size_t length) {
    (void)bytes;
    (void)length;
    return crc;
}

#endif
