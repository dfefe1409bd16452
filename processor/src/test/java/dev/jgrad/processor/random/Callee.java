package dev.jgrad.processor.random;

/**
 * A generated method that later code may call.
 *
 * @param writesArrays whether its body may write into an array parameter, which makes a call
 *     an effect: it is kept out of conditions and duplicated subexpressions, and read-only arrays
 *     are not passed to it
 * @param recursive whether it calls itself; its last int parameter is then the depth bound
 */
record Callee(Fn fn, boolean writesArrays, boolean recursive) {}
