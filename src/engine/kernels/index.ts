/** Loads every functional kernel, one file per layer kind (each registers itself; a duplicate throws). */
import './add.js';
import './adder.js';
import './avgpool.js';
import './binary.js';
import './bn.js';
import './flatten.js';
import './hardtanh.js';
import './input.js';
import './maxpool.js';
import './multiply.js';
import './relu.js';
