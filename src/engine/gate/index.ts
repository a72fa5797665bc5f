/** Loads every gate-level kernel, one file per layer kind (each registers itself). */
import './adder.js';
import './binary.js';
import './bn.js';
import './multiply.js';
