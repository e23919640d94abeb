/* PNG encoding through stb_image_write with zlib compression. */
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
/* Encodes w x h RGBA8 pixels (rows `stride_bytes` apart, top row first) as a PNG in
 * memory. Returns a malloc'ed buffer of *out_len bytes (free() it), or NULL on failure. */
unsigned char* nk_png_encode_rgba(const unsigned char* rgba, int w, int h, int stride_bytes, int* out_len);
#ifdef __cplusplus
}
#endif
