/* PNG encoding through stb_image_write with zlib compression. */
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
/* Encodes w x h RGBA8 pixels as a PNG in memory; the image's row y starts at
 * rgba + y * stride_bytes (a negative stride, with `rgba` at the last row in memory,
 * writes bottom-up pixels the right way up). Returns a malloc'ed buffer of *out_len
 * bytes (free() it), or NULL on failure. */
unsigned char* nk_png_encode_rgba(const unsigned char* rgba, int w, int h, int stride_bytes, int* out_len);
#ifdef __cplusplus
}
#endif
