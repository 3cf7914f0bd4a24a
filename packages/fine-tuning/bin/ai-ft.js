#!/usr/bin/env node
// Committed shim: npm links a workspace bin on a clean clone only if the file exists before the build.
import '../dist/cli/main.js';
