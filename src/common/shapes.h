/* TensorShape's rules on known shapes, for the library and the linter's
 * model both (the model calls them when it knows every dimension, and
 * decides what it does not know itself). */
#ifndef VS_SHAPES_H
#define VS_SHAPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "varscope.h"

/* NULL if fine, else why the shape is invalid (rank, dims) */
const char *vs__shape_problem(const vs_shape *s);
/* TensorShape.is_fully_defined */
bool vs__shape_fully_defined(const vs_shape *s);
/* TensorShape.is_compatible_with: an unknown rank matches anything; else
 * equal ranks and each pair of dims equal or one of them unknown */
bool vs__shape_compatible(const vs_shape *a, const vs_shape *b);
/* NumPy broadcasting of a and b into *out; false if they cannot */
bool vs__broadcast(const vs_shape *a, const vs_shape *b, vs_shape *out);
/* tf.matmul's shapes: two matrices with equal inner dimensions (or an
 * unknown rank); the product's shape into *out; false if not */
bool vs__matmul_shape(const vs_shape *a, const vs_shape *b, vs_shape *out);
/* as TF prints it: "(3,)", "()", "(?, 3)", "<unknown>" */
const char *vs__shape_str(const vs_shape *s, char *buf, size_t n);
/* Python's list form, as TensorShape.as_list() prints: "[None, 3]" */
const char *vs__shape_list(const vs_shape *s, char *buf, size_t n);
/* The C++ form of shape errors: "[?,3]" */
const char *vs__shape_dims(const vs_shape *s, char *buf, size_t n);
/* conv_utils.conv_output_length for a known input size in; -1 for an
 * unknown one (None); -2 when the window does not fit ('valid' padding
 * and in < the dilated kernel: TF's "Negative dimension size") */
int64_t vs__conv_out_len(int64_t in, int64_t k, int64_t stride,
                         int64_t dilation, bool same);
/* re.match(pattern, name): 1 if it matches at the start, 0 if not, -1 if
 * the pattern is not a (POSIX extended) regular expression; why gets
 * regerror's text then */
int vs__scope_match(const char *pattern, const char *name, char *why,
                    size_t n);

#endif
